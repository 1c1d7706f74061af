package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReleaseVersionTest {
    private static ReleaseVersion v(String s) {
        return ReleaseVersion.of(s);
    }

    @Test
    void compares_parts_as_numbers() {
        assertThat(v("0.10.0").newerThan(v("0.9.3"))).isTrue();
        assertThat(v("0.9.3").newerThan(v("0.10.0"))).isFalse();
        assertThat(v("1.0.0").newerThan(v("0.99.99"))).isTrue();
    }

    @Test
    void a_pre_release_is_older_than_its_release_and_newer_than_the_one_before() {
        assertThat(v("1.0.0-rc1").compareTo(v("1.0.0"))).isNegative();
        assertThat(v("1.0.0").newerThan(v("1.0.0-rc1"))).isTrue();
        assertThat(v("1.0.0-rc1").newerThan(v("0.9.9"))).isTrue();
        assertThat(v("1.0.0-rc2").newerThan(v("1.0.0-rc1"))).isTrue();
        assertThat(v("1.0.0-rc10").newerThan(v("1.0.0-rc9"))).isTrue();
    }

    @Test
    void equal_releases_compare_equal_whatever_the_trailing_zeros() {
        assertThat(v("1.2").compareTo(v("1.2.0"))).isZero();
        assertThat(v("0.2.0").compareTo(v("0.2.0"))).isZero();
        assertThat(v("0.02.0").compareTo(v("0.2.0"))).isZero();
    }

    @Test
    void sorts_a_list_of_releases_oldest_first() {
        List<String> sorted = Stream.of("0.10.0", "1.0.0", "0.9.3", "1.0.0-rc1", "0.2.0", "1.0.0-beta")
                .map(ReleaseVersion::of).sorted().map(ReleaseVersion::text).toList();
        assertThat(sorted).containsExactly("0.2.0", "0.9.3", "0.10.0", "1.0.0-beta", "1.0.0-rc1", "1.0.0");
    }

    @Test
    void refuses_text_that_is_no_version() {
        assertThat(ReleaseVersion.valid("../0.1")).isFalse();
        assertThat(ReleaseVersion.valid("")).isFalse();
        assertThat(ReleaseVersion.valid("0.1.0 ")).isFalse();
        assertThatThrownBy(() -> v("1.0/2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.0/2");
    }
}
