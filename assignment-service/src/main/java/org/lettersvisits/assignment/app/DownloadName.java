package org.lettersvisits.assignment.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a downloaded file under the name it was uploaded with: {@code filename*} carries
 * the name in UTF-8 (RFC 5987/6266), so 信访材料.pdf arrives as 信访材料.pdf; {@code filename} an ASCII stand-in for
 * clients that know only that (every other character an underscore, the extension kept).
 */
final class DownloadName {

    private DownloadName() {
    }

    static String contentDisposition(String name) {
        return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
    }

    /**
     * The name the file is kept under: the sender's, without any folder a browser put before it, control characters
     * or quotes, at most 200 characters; {@code 附件} when nothing is left.
     */
    static String cleaned(String sent) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "附件" : name;
    }

    private static String ascii(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    /** Every byte of the UTF-8 name as %XX but letters, digits and {@code .-_} (a subset of RFC 5987's attr-char). */
    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
