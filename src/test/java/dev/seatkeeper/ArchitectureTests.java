package dev.seatkeeper;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the README's "How the code is organised", checked on the compiled product classes: a
 * change that breaks one fails the build with the offending dependencies listed.
 */
class ArchitectureTests {

	private static JavaClasses product;

	@BeforeAll
	static void importProductClasses() {
		product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.seatkeeper");
	}

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		slices().matching("dev.seatkeeper.(**)").should().beFreeOfCycles().check(product);
	}

	@Test
	void theSimulatorImportsNothingOfTheProduct() {
		noClasses().that()
			.resideInAPackage("dev.seatkeeper.sandbox..")
			.should()
			.dependOnClassesThat(resideInAPackage("dev.seatkeeper..").and(not(resideInAPackage("dev.seatkeeper.sandbox.."))))
			.check(product);
	}

	@Test
	void onlyTheDemoAdapterKnowsTheSimulator() {
		noClasses().that()
			.resideOutsideOfPackages("dev.seatkeeper.sandbox..", "dev.seatkeeper.demo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.seatkeeper.sandbox..")
			.check(product);
	}

	@Test
	void onlyTheCommandLineUsesPicocli() {
		noClasses().that().resideOutsideOfPackage("dev.seatkeeper.cli..").should().dependOnClassesThat()
			.resideInAPackage("picocli..")
			.check(product);
	}

	@Test
	void nothingButTheEntryPointDependsOnTheCommandLine() {
		noClasses().that(not(resideInAnyPackage("dev.seatkeeper.cli..")).and(not(resideInAPackage("dev.seatkeeper"))))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.seatkeeper.cli..")
			.check(product);
	}

	@Test
	void stepsDoNotKnowHowTheyAreLaunched() {
		noClasses().that()
			.resideInAnyPackage("dev.seatkeeper.job..", "dev.seatkeeper.subscription..", "dev.seatkeeper.license..",
					"dev.seatkeeper.activity..", "dev.seatkeeper.consumption..", "dev.seatkeeper.usage..",
					"dev.seatkeeper.access..", "dev.seatkeeper.reclamation..", "dev.seatkeeper.reconciliation")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.seatkeeper.launch..")
			.check(product);
	}

}
