package io.tidemark.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The connector uses table-core through its public API only, as any engine would. */
class InternalApiBoundaryTest {
  @Test
  void theConnectorDependsOnNoInternalPackageOfTableCore() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
        .importPackages("io.tidemark");
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
        .contains("io.tidemark.spark", "io.tidemark.core.internal.commit");
    noClasses().that().resideOutsideOfPackage("io.tidemark.core..")
        .should().dependOnClassesThat().resideInAPackage("io.tidemark.core.internal..")
        .because("engines use table-core's public API (README, \"Project layout\")")
        .check(classes);
  }
}
