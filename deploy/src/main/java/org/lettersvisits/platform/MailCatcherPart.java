package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A local mail catcher, GreenMail's standalone server from Maven Central: takes every mail the services send (the
 * reminder digests) on its SMTP port, delivers nothing outside, and shows each user's mails on its web API
 * ({@code http://localhost:8025/api/user/police1@petitions.local/messages/INBOX}; the API's page at
 * {@code http://localhost:8025/} lists the calls). Kept in memory: a restart empties it.
 */
final class MailCatcherPart extends ProcessPart {

    private final PlatformSettings settings;

    MailCatcherPart(PlatformSettings settings) {
        super("mail-catcher", settings.logDir());
        this.settings = settings;
    }

    @Override
    void prepare() throws IOException {
        if (!Files.isRegularFile(settings.mailCatcherJar())) {
            throw new IOException("GreenMail is not at " + settings.mailCatcherJar() + ": run ./mvnw package first");
        }
    }

    @Override
    List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + settings.mailPort(),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + settings.mailWebPort(),
                "-Dgreenmail.auth.disabled", "-jar", settings.mailCatcherJar().toString());
    }

    @Override
    Path workingDirectory() {
        return settings.mailCatcherJar().getParent();
    }

    @Override
    public boolean isReady() {
        return HttpProbe.answers200("http://127.0.0.1:" + settings.mailWebPort() + "/api/service/readiness");
    }

    @Override
    public String endpoint() {
        return "smtp://localhost:" + settings.mailPort() + "  (mails: " + settings.mailboxUrl("<user>@petitions.local") + ")";
    }
}
