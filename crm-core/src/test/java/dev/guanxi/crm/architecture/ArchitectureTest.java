package dev.guanxi.crm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of ARCHITECTURE.md and STYLE.md that a compiler does not check. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.guanxi.crm");
    }

    @Test
    @DisplayName("crm-core imports no jdbi, Jackson, Caffeine, Guava or java.sql")
    void noStorageLibraries() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jdbi..",
                        "com.fasterxml.jackson..",
                        "com.github.benmanes.caffeine..",
                        "com.google.common..",
                        "java.sql..",
                        "javax.sql..");
        rule.check(core);
    }

    @Test
    @DisplayName("no Java deserialization or XMLDecoder in the SDK")
    void noUnsafeDeserialization() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.beans.XMLDecoder")
                .check(core);
    }

    @Test
    @DisplayName("time comes from the injected Clock: no now() without a clock, no System.currentTimeMillis")
    void timeIsInjected() {
        noClasses()
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(core);
    }

    @Test
    @DisplayName("money types hold no double or float")
    void moneyIsExact() {
        fields().that()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.guanxi.crm.money")
                .should()
                .notHaveRawType(double.class)
                .andShould()
                .notHaveRawType(float.class)
                .andShould()
                .notHaveRawType(Double.class)
                .andShould()
                .notHaveRawType(Float.class)
                .check(core);
    }

    @Test
    @DisplayName("the in-memory store exposes only InMemoryStorage; its repositories are package-private")
    void memoryStoreIsEncapsulated() {
        classes()
                .that()
                .resideInAPackage("dev.guanxi.crm.storage.memory")
                .and()
                .areNotAnonymousClasses()
                .and()
                .doNotHaveSimpleName("InMemoryStorage")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .notBePublic()
                .check(core);
    }

    @Test
    @DisplayName("the domain packages do not depend on the in-memory store or on internals of other packages")
    void domainDoesNotDependOnImplementations() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.guanxi.crm.customer..",
                        "dev.guanxi.crm.interaction..",
                        "dev.guanxi.crm.sales..",
                        "dev.guanxi.crm.service..",
                        "dev.guanxi.crm.marketing..",
                        "dev.guanxi.crm.competitor..",
                        "dev.guanxi.crm.event..",
                        "dev.guanxi.crm.money..",
                        "dev.guanxi.crm.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.guanxi.crm.storage..",
                        "dev.guanxi.crm.internal.customer..",
                        "dev.guanxi.crm.internal.sales..",
                        "dev.guanxi.crm.internal.service..",
                        "dev.guanxi.crm.internal.interaction..",
                        "dev.guanxi.crm.internal.marketing..",
                        "dev.guanxi.crm.internal.competitor..")
                .check(core);
    }

    @Test
    @DisplayName("no type of a dependency (Hipparchus, SLF4J) appears in a public signature outside internal packages")
    void noDependencyTypesInPublicSignatures() {
        com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod> ownTypesOnly =
                new com.tngtech.archunit.lang.ArchCondition<>("use only JDK and Guanxi types in their signature") {
                    @Override
                    public void check(
                            com.tngtech.archunit.core.domain.JavaMethod method,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        java.util.List<com.tngtech.archunit.core.domain.JavaClass> types = new java.util.ArrayList<>();
                        types.add(method.getRawReturnType());
                        types.addAll(method.getRawParameterTypes());
                        for (com.tngtech.archunit.core.domain.JavaClass type : types) {
                            String name = type.getName();
                            if (name.startsWith("org.hipparchus") || name.startsWith("org.slf4j")) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                        method, method.getFullName() + " exposes " + name));
                            }
                        }
                    }
                };
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..internal..")
                .should(ownTypesOnly)
                .check(core);
    }
}
