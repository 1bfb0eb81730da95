package io.conversations.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The design as rules over a code base whose packages start with {@code base}: the service's own
 * ({@code io.conversations}), or a small fixture made to break one rule (ArchitectureRulesFailTest). Package names
 * are kept here, once.
 */
final class ArchitectureRules {
    private final String base;

    ArchitectureRules(String base) {
        this.base = base;
    }

    String domain() {
        return base + ".domain..";
    }

    String application() {
        return base + ".application..";
    }

    String http() {
        return base + ".adapter.http..";
    }

    String persistence() {
        return base + ".adapter.persistence..";
    }

    String bootstrap() {
        return base + ".bootstrap..";
    }

    private String inPorts() {
        return base + ".application.port.in..";
    }

    private String outPorts() {
        return base + ".application.port.out..";
    }

    /** Every layer, for the check that none is empty (a rule over an empty layer holds vacuously). */
    List<String> layers() {
        return List.of(domain(), application(), http(), persistence(), bootstrap());
    }

    /** How many classes of {@code classes} reside in {@code layer}. */
    static long classesIn(JavaClasses classes, String layer) {
        String prefix = layer.substring(0, layer.length() - 2);
        return classes.stream().filter(c -> c.getPackageName().equals(prefix)
                || c.getPackageName().startsWith(prefix + ".")).count();
    }

    ArchRule layersDependOnlyInward() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(domain())
                .layer("Application").definedBy(application())
                .layer("Http").definedBy(http())
                .layer("Persistence").definedBy(persistence())
                .layer("Bootstrap").definedBy(bootstrap())
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Http").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Http", "Persistence", "Bootstrap");
    }

    ArchRule noPackageDependsOnItselfThroughAnother() {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }

    ArchRule outPortsNeverDependOnInPorts() {
        return noClasses().that().resideInAPackage(outPorts()).should().dependOnClassesThat()
                .resideInAPackage(inPorts());
    }

    /** It may implement an out-port (JwtTokens mints the tokens it verifies), never call one. */
    ArchRule theHttpAdapterDrivesTheApplicationOnlyThroughInPorts() {
        return noClasses().that().resideInAPackage(http()).should().accessClassesThat().resideInAPackage(outPorts());
    }

    ArchRule thePersistenceAdapterNeverCallsAUseCase() {
        return noClasses().that().resideInAPackage(persistence()).should().dependOnClassesThat()
                .resideInAPackage(inPorts());
    }

    ArchRule portsAreWhatAUseCaseIsCalledWithNotHowItIsDone() {
        return noClasses().that().resideInAnyPackage(inPorts(), outPorts(), base + ".application.model..").should()
                .dependOnClassesThat().resideInAPackage(base + ".application.service..");
    }

    ArchRule theHttpBodiesAreDataThatKnowNoRoute() {
        String bodies = base + ".adapter.http.dto..";
        return noClasses().that().resideInAPackage(bodies).should().dependOnClassesThat(
                resideInAPackage(base + ".adapter.http").and(not(resideInAPackage(bodies))));
    }

    /**
     * java.base also has files, sockets, threads, locks and reflection: the domain needs none of them. java.util
     * itself (collections, Optional, Objects) and its function, stream and regex packages, not its concurrency.
     */
    ArchRule theDomainUsesNoMoreOfJavaThanItsLanguageAndCollections() {
        // Of java.text, only Unicode normalization: a pure function of text, which group names are compared by.
        return classes().that().resideInAPackage(domain()).should().onlyDependOnClassesThat(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(domain(), "java.lang",
                        "java.util", "java.util.function", "java.util.stream", "java.util.regex", "java.nio.charset",
                        "java.lang.invoke", "java.lang.runtime")
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(java.text.Normalizer.class)));
    }

    ArchRule theApplicationDependsOnTheDomainAndJavaOnly() {
        return classes().that().resideInAPackage(application()).should().onlyDependOnClassesThat()
                .resideInAnyPackage(application(), domain(), "java..");
    }

    ArchRule theHttpAdapterNeverUsesThePersistenceAdapter() {
        return noClasses().that().resideInAPackage(http()).should().dependOnClassesThat()
                .resideInAPackage(persistence());
    }

    ArchRule thePersistenceAdapterNeverUsesTheHttpAdapter() {
        return noClasses().that().resideInAPackage(persistence()).should().dependOnClassesThat()
                .resideInAPackage(http());
    }

    ArchRule javalinJettyAndJsonBindingStayInTheHttpAdapter() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(http()).should()
                .dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..",
                        "jakarta.json.bind..", "org.eclipse.yasson..", "com.nimbusds..");
    }

    ArchRule jdbcAndTheDatabaseLibrariesStayInThePersistenceAdapter() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(persistence()).should()
                .dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..",
                        "org.mariadb..", "org.h2..", "org.flywaydb..");
    }
}
