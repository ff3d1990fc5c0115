package dev.fusebox.console.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a local JVM found through the Attach API is named: after what it runs and where it listens. */
class LocalJvmTest {

    @Test
    void aMainClassIsNamedByItsSimpleNameAndTheProfileByNameAndAddress() {
        LocalJvm demo = new LocalJvm("4711", "dev.fusebox.samples.demo.ShopDemo --home /tmp/h", "127.0.0.1:9010", "");
        assertThat(demo.application()).isEqualTo("ShopDemo");
        assertThat(demo.profile().name()).isEqualTo("ShopDemo (127.0.0.1:9010)");
        assertThat(demo.profile().address()).isEqualTo("127.0.0.1:9010");
    }

    @Test
    void aJarIsNamedByItsFileAndAJvmThatSaysNothingByItsPid() {
        assertThat(new LocalJvm("1", "/opt/shop/shop-service.jar --port 8080", "127.0.0.1:9011", "").application())
                .isEqualTo("shop-service.jar");
        LocalJvm silent = new LocalJvm("42", "", "", "service:jmx:rmi://127.0.0.1/stub/rO0AB");
        assertThat(silent.application()).isEqualTo("pid 42");
        assertThat(silent.profile().name()).isEqualTo("pid 42 (local)");
        assertThat(new LocalJvm("7", "com.example.Shop", "", "service:jmx:rmi://x").profile().name())
                .isEqualTo("Shop (pid 7, local)");
    }
}
