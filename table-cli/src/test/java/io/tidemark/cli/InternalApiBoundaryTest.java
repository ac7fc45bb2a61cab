package io.tidemark.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI and the S3 storage use table-core through its public API only: no class of theirs (nor
 * of table-spec) depends on {@code io.tidemark.core.internal}.
 */
class InternalApiBoundaryTest {
  /** Main classes only: test jars and test-classes directories are left out. */
  static final ImportOption MAIN_CLASSES =
      location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

  @Test
  void noClassOutsideTableCoreDependsOnItsInternals() {
    JavaClasses classes = new ClassFileImporter().withImportOption(MAIN_CLASSES).importPackages("io.tidemark");
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
        .contains("io.tidemark.cli", "io.tidemark.s3", "io.tidemark.core.internal.commit");
    noClasses().that().resideOutsideOfPackage("io.tidemark.core..")
        .should().dependOnClassesThat().resideInAPackage("io.tidemark.core.internal..")
        .because("other modules use table-core's public API (README, \"Project layout\")")
        .check(classes);
  }
}
