package dev.fusebox.console.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP response body read into memory up to a limit: an answer that declares a longer
 * {@code Content-Length}, or sends more bytes than the limit, fails with {@link TooLong} and the rest
 * is not read (the subscription is cancelled, which closes the exchange).
 *
 * <p>Thread-safety: one per response; the HTTP client calls it from one thread at a time (the
 * reactive-streams rule), and its body future is thread-safe.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer is longer than the limit. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(long limit) {
            super("answer longer than " + limit + " bytes", null);
        }
    }

    private final int limit;
    private final long declared;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /**
     * @param limit    the most bytes taken
     * @param declared the answer's {@code Content-Length}, or -1 when it gave none
     */
    BoundedBody(int limit, long declared) {
        this.limit = limit;
        this.declared = declared;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit) {
            s.cancel();
            body.completeExceptionally(new TooLong(limit));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (bytes.size() + b.remaining() > limit) {
                subscription.cancel();
                body.completeExceptionally(new TooLong(limit));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
