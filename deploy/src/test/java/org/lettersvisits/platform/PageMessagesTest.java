package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pages have no text of their own: every message key a page names exists in Chinese and in English,
 * and the two languages have the same keys. Reads the sources, so a forgotten translation fails the build.
 */
class PageMessagesTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Path KIT = ROOT.resolve("service-kit/src/main/resources/META-INF/resources/kit");
    private static final List<String> SERVICES = List.of("petition-service", "assignment-service", "followup-service",
            "reporting-service");
    /** t('key'), data-i18n="key" (and -placeholder, -label, -title), label: 'key', title: 'key', key: 'key'. */
    private static final List<Pattern> KEY_USES = List.of(Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'\\s*[,)]"),
            Pattern.compile("data-i18n(?:-placeholder|-label|-title)?=\"([A-Za-z0-9_.]+)\""),
            Pattern.compile("\\b(?:label|title|key): '([A-Za-z0-9_.]+)'"));

    /** English pages show the API's own (English) validation messages; Chinese ones word them per field. */
    @Test
    void chinese_and_english_have_the_same_keys() {
        Set<String> chinese = keys(KIT, "zh-CN");
        chinese.removeIf(key -> key.startsWith("violation."));
        assertThat(keys(KIT, "en")).isEqualTo(chinese);
        for (String service : SERVICES) {
            Path pages = pages(service);
            assertThat(keys(pages, "en")).as(service).isEqualTo(keys(pages, "zh-CN"));
        }
    }

    @Test
    void every_key_a_page_names_has_a_message() throws IOException {
        Set<String> kitKeys = keys(KIT, "zh-CN");
        assertThat(used(KIT)).as("kit").isSubsetOf(kitKeys);
        for (String service : SERVICES) {
            Set<String> known = new HashSet<>(kitKeys);
            known.addAll(keys(pages(service), "zh-CN"));
            assertThat(used(pages(service))).as(service).isNotEmpty().isSubsetOf(known);
        }
    }

    /**
     * One word for each state across pages, exports, mails and documents: a suspended case is 中止 (not 驳回或中止), a
     * deadline passed is 逾期 (not 超期), days ahead are 还有 N 天 and days behind 已逾期 N 天 (never 距今 with a
     * negative count, nor 剩余 on one page and 还有 on the next). Reads every service's and the kit's sources.
     */
    @Test
    void every_page_export_and_document_says_each_state_with_one_word() throws IOException {
        Map<String, String> retired = Map.of("驳回或中止", "中止", "超期", "逾期", "距今", "还有 N 天 / 已逾期 N 天",
                "剩余", "还有");
        List<String> found = new ArrayList<>();
        for (String module : List.of("service-kit", "petition-service", "assignment-service", "followup-service",
                "reporting-service", "documents")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(java|js|json|html|properties|sql)$")).toList()) {
                    String text = Files.readString(file);
                    retired.forEach((word, instead) -> {
                        if (text.contains(word)) {
                            found.add(ROOT.relativize(file) + ": " + word + " (say " + instead + ")");
                        }
                    });
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static Path pages(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/META-INF/resources");
    }

    private static Set<String> keys(Path folder, String language) {
        try {
            Set<String> keys = new TreeSet<>();
            new ObjectMapper().readTree(folder.resolve("messages." + language + ".json").toFile()).fieldNames()
                    .forEachRemaining(keys::add);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> used(Path folder) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
                String source = Files.readString(file);
                for (Pattern use : KEY_USES) {
                    Matcher m = use.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }
}
