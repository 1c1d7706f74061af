package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestDirs;

/** incoming.part as blocks arrive: in order, again, out of order, too many, and a fresh start at block 0. */
class UploadFileTest {
    private final Path part = TestDirs.create("part-").resolve("update/incoming.part");
    private final UploadFile upload = new UploadFile(part, 10);

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void blocks_in_order_make_the_file() throws Exception {
        assertThat(upload.write(0, bytes("abcd"))).isEqualTo(UploadFile.Step.STORED);
        assertThat(upload.write(4, bytes("efgh"))).isEqualTo(UploadFile.Step.STORED);
        assertThat(upload.write(8, bytes("ij"))).isEqualTo(UploadFile.Step.STORED);
        assertThat(Files.readString(upload.finish())).isEqualTo("abcdefghij");
    }

    @Test
    void a_block_sent_again_is_taken_once_and_block_0_again_starts_over() throws Exception {
        upload.write(0, bytes("abcd"));
        assertThat(upload.write(0, bytes("abcd"))).isEqualTo(UploadFile.Step.STORED);
        upload.write(4, bytes("efgh"));
        assertThat(upload.write(4, bytes("efgh"))).isEqualTo(UploadFile.Step.REPEATED);
        assertThat(Files.readString(upload.finish())).isEqualTo("abcdefgh");
    }

    @Test
    void a_gap_or_a_block_without_a_start_is_out_of_order() throws Exception {
        assertThat(upload.write(4, bytes("efgh"))).isEqualTo(UploadFile.Step.OUT_OF_ORDER);
        upload.write(0, bytes("abcd"));
        assertThat(upload.write(8, bytes("ij"))).isEqualTo(UploadFile.Step.OUT_OF_ORDER);
        assertThat(upload.received()).isEqualTo(4);
    }

    @Test
    void more_than_the_limit_is_too_large_and_the_part_file_goes() throws Exception {
        upload.write(0, bytes("abcd"));
        upload.write(4, bytes("efgh"));
        assertThat(upload.write(8, bytes("ijk"))).isEqualTo(UploadFile.Step.TOO_LARGE);
        assertThat(part).doesNotExist();
        assertThat(upload.inProgress()).isFalse();
    }

    @Test
    void block_0_of_a_new_upload_replaces_an_abandoned_one() throws Exception {
        upload.write(0, bytes("abcd"));
        upload.write(4, bytes("efgh"));
        assertThat(upload.write(0, bytes("xyz"))).isEqualTo(UploadFile.Step.STORED);
        assertThat(Files.readString(upload.finish())).isEqualTo("xyz");
    }
}
