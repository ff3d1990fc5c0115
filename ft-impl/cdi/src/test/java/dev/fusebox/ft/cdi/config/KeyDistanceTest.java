package dev.fusebox.ft.cdi.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyDistanceTest {

    @Test
    void countsEditsAndSwapsOfNeighbours() {
        assertThat(KeyDistance.between("delay", "delay")).isZero();
        assertThat(KeyDistance.between("pya", "pay")).as("one swap").isEqualTo(1);
        assertThat(KeyDistance.between("Retyr", "Retry")).as("one swap").isEqualTo(1);
        assertThat(KeyDistance.between("maxRetry", "maxRetries")).as("one change, two insertions").isEqualTo(3);
        assertThat(KeyDistance.between("com.acme.Shpo", "com.acme.Shop")).isEqualTo(1);
        assertThat(KeyDistance.between("", "abc")).isEqualTo(3);
    }

    @Test
    void anythingFartherThanTheBandIsJustFar() {
        assertThat(KeyDistance.between("value", "requestVolumeThreshold")).isEqualTo(KeyDistance.MAX + 1);
        assertThat(KeyDistance.between("abcdefgh", "stuvwxyz")).as("same length, all different")
                .isEqualTo(KeyDistance.MAX + 1);
        assertThat(KeyDistance.between("x".repeat(5_000), "x".repeat(5_000) + "y")).as("too long to compare")
                .isEqualTo(KeyDistance.MAX + 1);
    }

    @Test
    void nearIsAThirdOfTheLongerNameBetweenOneAndThree() {
        assertThat(KeyDistance.near("pya", "pay")).isTrue();
        assertThat(KeyDistance.near("val", "value")).as("two edits in five characters").isFalse();
        assertThat(KeyDistance.near("maxRetry", "maxRetries")).isTrue();
        assertThat(KeyDistance.near("a", "Retry")).isFalse();
        assertThat(KeyDistance.near("Timer", "Timeout")).isFalse();
    }
}
