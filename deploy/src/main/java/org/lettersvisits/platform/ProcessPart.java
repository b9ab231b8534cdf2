package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A part that runs as a separate operating-system process, its output appended to a log file. */
abstract class ProcessPart implements Part {

    private final String name;
    private final Path logFile;
    private Process process;

    ProcessPart(String name, Path logDir) {
        this.name = name;
        this.logFile = logDir.resolve(name + ".log");
    }

    /** The command line of the process. */
    abstract List<String> command() throws IOException;

    /** Environment variables added to the launcher's own. */
    Map<String, String> environment() {
        return Map.of();
    }

    /** The working directory of the process. */
    abstract Path workingDirectory();

    /** Work to do before the process starts (formatting storage, copying files). */
    void prepare() throws Exception {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(logFile.getParent());
        prepare();
        process = launch(command());
    }

    /** Starts a process of this part with its environment and log; also used for one-off tools. */
    Process launch(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment());
        return builder.start();
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public OptionalLong pid() {
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    @Override
    public String howItEnded() {
        if (process == null || process.isAlive()) {
            return "still running";
        }
        int code = process.exitValue();
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
