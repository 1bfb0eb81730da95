package io.conversations.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * These tests are designed to fail: each architecture rule runs against a small fixture (under {@code broken/})
 * that breaks it, and must report the break. A rule that let its fixture pass would pass on anything: it would aim
 * at a package that does not exist, or say less than its name.
 */
class ArchitectureRulesFailTest {
    private static final String BROKEN = "io.conversations.bootstrap.architecture.broken";

    /** Runs {@code rule} of the rules for fixture {@code name} on that fixture's classes; it must fail. */
    private static void fails(String name, Function<ArchitectureRules, ArchRule> rule) {
        String base = BROKEN + "." + name;
        JavaClasses fixture = new ClassFileImporter().importPackages(base);
        assertTrue(fixture.size() > 0, "the fixture " + name + " has classes");
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.apply(new ArchitectureRules(base))
                .check(fixture), "the rule let the fixture " + name + " pass");
        assertTrue(failure.getMessage().contains(base), "the failure names the fixture's classes: "
                + failure.getMessage());
    }

    @Test
    void aDomainThatUsesTheApplicationBreaksTheLayers() {
        fails("inward", ArchitectureRules::layersDependOnlyInward);
    }

    @Test
    void twoPackagesUsingEachOtherAreACycle() {
        fails("cycle", ArchitectureRules::noPackageDependsOnItselfThroughAnother);
    }

    @Test
    void anOutPortNamingAnInPortPointsTheWrongWay() {
        fails("outtoin", ArchitectureRules::outPortsNeverDependOnInPorts);
    }

    @Test
    void aRouteCallingAnOutPortBypassesTheUseCase() {
        fails("httpcallsout", ArchitectureRules::theHttpAdapterDrivesTheApplicationOnlyThroughInPorts);
    }

    @Test
    void aRepositoryCallingAUseCaseIsRefused() {
        fails("persistencecallsin", ArchitectureRules::thePersistenceAdapterNeverCallsAUseCase);
    }

    @Test
    void aPortNamingItsImplementationIsRefused() {
        fails("portknowsservice", ArchitectureRules::portsAreWhatAUseCaseIsCalledWithNotHowItIsDone);
    }

    @Test
    void aBodyThatKnowsARouteIsRefused() {
        fails("bodyknowsroute", ArchitectureRules::theHttpBodiesAreDataThatKnowNoRoute);
    }

    @Test
    void theDomainMayNotUseConcurrencyNorFiles() {
        fails("domainconcurrency", ArchitectureRules::theDomainUsesNoMoreOfJavaThanItsLanguageAndCollections);
        fails("domainfiles", ArchitectureRules::theDomainUsesNoMoreOfJavaThanItsLanguageAndCollections);
    }

    @Test
    void theApplicationMayNotUseALibrary() {
        fails("applicationlibrary", ArchitectureRules::theApplicationDependsOnTheDomainAndJavaOnly);
    }

    @Test
    void theAdaptersMayNotUseEachOther() {
        fails("httpusespersistence", ArchitectureRules::theHttpAdapterNeverUsesThePersistenceAdapter);
        fails("persistenceuseshttp", ArchitectureRules::thePersistenceAdapterNeverUsesTheHttpAdapter);
    }

    @Test
    void javalinOutsideTheHttpAdapterIsRefused() {
        fails("javalinoutside", ArchitectureRules::javalinJettyAndJsonBindingStayInTheHttpAdapter);
    }

    @Test
    void jdbcOutsideThePersistenceAdapterIsRefused() {
        fails("jdbcoutside", ArchitectureRules::jdbcAndTheDatabaseLibrariesStayInThePersistenceAdapter);
    }

    @Test
    void aLayerWithoutClassesIsNoticed() {
        // The cycle fixture has no domain: the production test's check that every layer has classes would fail.
        JavaClasses fixture = new ClassFileImporter().importPackages(BROKEN + ".cycle");
        assertEquals(0, ArchitectureRules.classesIn(fixture, new ArchitectureRules(BROKEN + ".cycle").domain()));
    }
}
