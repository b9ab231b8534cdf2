package org.lettersvisits.assignment.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file comes back under the name it was sent with, Chinese included; a name never carries a folder or a quote. */
class DownloadNameTest {

    @Test
    void a_chinese_name_travels_in_filename_star_with_an_ascii_stand_in() {
        assertThat(DownloadName.contentDisposition("信访材料 (1).pdf")).isEqualTo("attachment; filename=\"____ (1).pdf\"; "
                + "filename*=UTF-8''%E4%BF%A1%E8%AE%BF%E6%9D%90%E6%96%99%20%281%29.pdf");
        assertThat(DownloadName.contentDisposition("scan*.png")).isEqualTo(
                "attachment; filename=\"scan*.png\"; filename*=UTF-8''scan%2A.png");
    }

    @Test
    void the_name_kept_is_the_senders_without_a_folder_control_characters_or_quotes() {
        assertThat(DownloadName.cleaned("C:\\fakepath\\来信.pdf")).isEqualTo("来信.pdf");
        assertThat(DownloadName.cleaned("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DownloadName.cleaned("a\"b\r\n.pdf")).isEqualTo("ab.pdf");
        assertThat(DownloadName.cleaned("  ")).isEqualTo("附件");
        assertThat(DownloadName.cleaned(null)).isEqualTo("附件");
        assertThat(DownloadName.cleaned("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    }
}
