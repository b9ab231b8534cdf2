package org.lettersvisits.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The shape of the code, read from every module's compiled classes (the reactor builds them before this module): no
 * package of any module depends on itself round a cycle, no service reaches into another service, and the shared
 * modules (the event contracts, the kit) know nothing of any service.
 */
class ArchitectureTest {

    private static final List<String> MODULES = List.of("event-contracts", "service-kit", "documents",
            "petition-service", "assignment-service", "followup-service", "reporting-service");

    private static final List<String> SERVICES = List.of("petition", "assignment", "followup", "reporting");

    private static JavaClasses platform;

    @BeforeAll
    static void importCompiledClasses() {
        List<Path> compiled = MODULES.stream().map(module -> Path.of("..", module, "target", "classes")).toList();
        compiled.forEach(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(dir + " is missing: build the modules first (./mvnw verify does)");
            }
        });
        platform = new ClassFileImporter().importPaths(compiled);
    }

    @Test
    void no_package_depends_on_itself_round_a_cycle() {
        slices().matching("org.lettersvisits.(**)").should().beFreeOfCycles().check(platform);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "petition", "assignment", "followup", "reporting" })
    void a_service_never_reaches_into_another_service(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "org.lettersvisits." + s + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("org.lettersvisits." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others).check(platform);
    }

    @Test
    void the_event_contracts_and_the_kit_know_no_service() {
        String[] services = SERVICES.stream().map(s -> "org.lettersvisits." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("org.lettersvisits.contracts..", "org.lettersvisits.eventstore..",
                "org.lettersvisits.messaging..", "org.lettersvisits.time..", "org.lettersvisits.problem..",
                "org.lettersvisits.web..", "org.lettersvisits.export..", "org.lettersvisits.observability..",
                "org.lettersvisits.documents..")
                .should().dependOnClassesThat().resideInAnyPackage(services).check(platform);
    }
}
