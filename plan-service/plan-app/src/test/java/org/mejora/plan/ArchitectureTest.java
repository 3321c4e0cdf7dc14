package org.mejora.plan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command side knows nothing of reads and HTTP; the published language knows nothing of the service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mejora.plan");

    @Test
    void theCommandSideDoesNotDependOnQueriesOrTheWeb() {
        noClasses().that().resideInAPackage("..plan.command..")
                .should().dependOnClassesThat().resideInAnyPackage("..plan.query..", "..web..",
                        "org.springframework..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void thePublishedLanguageIsRecordsWithoutTheService() {
        noClasses().that().resideInAPackage("org.mejora.plan.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mejora.plan.plan..", "org.springframework..")
                .check(CLASSES);
    }
}
