package io.conversations.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design as rules, checked on the service's production classes: the domain depends on nothing, the application
 * on the domain, adapters never on each other (the poms and module-info.java enforce these too); and what only these
 * rules enforce: no package cycles, ports that point one way, adapters that use the side of the application they
 * stand on. ArchitectureRulesFailTest shows each rule failing on code that breaks it.
 */
class ArchitectureTest {
    private static final ArchitectureRules RULES = new ArchitectureRules("io.conversations");
    private static JavaClasses production;

    @BeforeAll
    static void importTheProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.conversations");
    }

    @Test
    void everyLayerHasClassesSoNoRuleHoldsVacuously() {
        for (String layer : RULES.layers()) {
            long count = ArchitectureRules.classesIn(production, layer);
            assertTrue(count > 3, layer + " has " + count + " classes");
        }
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "tests were imported");
    }

    @Test
    void theLayersDependOnlyInward() {
        RULES.layersDependOnlyInward().check(production);
    }

    // The rules below catch what javac, the poms and module-info.java all allow.

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        RULES.noPackageDependsOnItselfThroughAnother().check(production);
    }

    @Test
    void outPortsNeverDependOnInPorts() {
        RULES.outPortsNeverDependOnInPorts().check(production);
    }

    @Test
    void theHttpAdapterDrivesTheApplicationOnlyThroughInPorts() {
        RULES.theHttpAdapterDrivesTheApplicationOnlyThroughInPorts().check(production);
    }

    @Test
    void thePersistenceAdapterImplementsOutPortsAndNeverCallsAUseCase() {
        RULES.thePersistenceAdapterNeverCallsAUseCase().check(production);
    }

    @Test
    void portsAreWhatAUseCaseIsCalledWithNotHowItIsDone() {
        RULES.portsAreWhatAUseCaseIsCalledWithNotHowItIsDone().check(production);
    }

    @Test
    void theHttpBodiesAreDataThatKnowNoRoute() {
        RULES.theHttpBodiesAreDataThatKnowNoRoute().check(production);
    }

    @Test
    void theDomainUsesNoMoreOfJavaThanItsLanguageAndCollections() {
        RULES.theDomainUsesNoMoreOfJavaThanItsLanguageAndCollections().check(production);
    }

    @Test
    void theApplicationDependsOnTheDomainAndJavaOnly() {
        RULES.theApplicationDependsOnTheDomainAndJavaOnly().check(production);
    }

    @Test
    void theAdaptersNeverUseEachOther() {
        RULES.theHttpAdapterNeverUsesThePersistenceAdapter().check(production);
        RULES.thePersistenceAdapterNeverUsesTheHttpAdapter().check(production);
    }

    @Test
    void javalinJettyAndJsonBindingStayInTheHttpAdapter() {
        RULES.javalinJettyAndJsonBindingStayInTheHttpAdapter().check(production);
    }

    @Test
    void jdbcAndTheDatabaseLibrariesStayInThePersistenceAdapter() {
        RULES.jdbcAndTheDatabaseLibrariesStayInThePersistenceAdapter().check(production);
    }
}
