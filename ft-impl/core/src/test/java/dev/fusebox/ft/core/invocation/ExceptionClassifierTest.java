package dev.fusebox.ft.core.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ExceptionClassifierTest {

    @Test
    void includesSubtypesOfTheIncludedTypes() {
        ExceptionClassifier classifier = new ExceptionClassifier(List.of(IOException.class), List.of());
        assertThat(classifier.test(new IOException())).isTrue();
        assertThat(classifier.test(new FileNotFoundException())).isTrue();
        assertThat(classifier.test(new UncheckedIOException(new IOException()))).as("the cause does not count").isFalse();
        assertThat(classifier.test(new RuntimeException())).isFalse();
    }

    @Test
    void exclusionWinsWhateverTheSpecificity() {
        ExceptionClassifier narrowIncluded = new ExceptionClassifier(List.of(FileNotFoundException.class),
                List.of(IOException.class));
        assertThat(narrowIncluded.test(new FileNotFoundException())).isFalse();
        ExceptionClassifier narrowExcluded = new ExceptionClassifier(List.of(IOException.class),
                List.of(FileNotFoundException.class));
        assertThat(narrowExcluded.test(new FileNotFoundException())).isFalse();
        assertThat(narrowExcluded.test(new IOException())).isTrue();
        ExceptionClassifier same = new ExceptionClassifier(List.of(IOException.class), List.of(IOException.class));
        assertThat(same.test(new IOException())).isFalse();
    }

    @Test
    void defaultsOfTheSpecification() {
        ExceptionClassifier exceptions = new ExceptionClassifier(List.of(Exception.class), List.of());
        assertThat(exceptions.test(new Exception())).isTrue();
        assertThat(exceptions.test(new AssertionError())).as("retryOn = Exception leaves Errors alone").isFalse();
        assertThat(ExceptionClassifier.all().test(new AssertionError())).isTrue();
        ExceptionClassifier nothing = new ExceptionClassifier(List.of(), List.of());
        assertThat(nothing.test(new Exception())).isFalse();
    }

    @Test
    void failuresUnwrapsNestedCompletionExceptionsOnly() {
        IOException root = new IOException("root");
        assertThat(Failures.unwrap(new CompletionException(new CompletionException(root)))).isSameAs(root);
        RuntimeException other = new RuntimeException(root);
        assertThat(Failures.unwrap(other)).isSameAs(other);
        CompletionException bare = new CompletionException("no cause", null);
        assertThat(Failures.unwrap(bare)).isSameAs(bare);
    }

    @Test
    void failuresRethrowsCheckedExceptionsAndErrorsAsTheyAre() {
        IOException checked = new IOException("checked");
        assertThatThrownBy(() -> Failures.rethrow(checked)).isSameAs(checked);
        AssertionError error = new AssertionError("error");
        assertThatThrownBy(() -> Failures.rethrow(error)).isSameAs(error);
    }
}
