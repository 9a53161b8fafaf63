package dev.seatkeeper.reconciliation.report;

import java.nio.file.Path;

import dev.seatkeeper.reconciliation.PositionStore;
import dev.seatkeeper.reconciliation.ReclamationFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reports' assembler and the position printed after each run. */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	@Bean
	ReportAssembler reportAssembler(PositionStore positionStore, ReclamationFigures reclamationFigures, JdbcTemplate jdbc) {
		return new ReportAssembler(positionStore, reclamationFigures, jdbc);
	}

	@Bean
	PositionEpilogue positionEpilogue(ReportAssembler reportAssembler,
			@Value("${seatkeeper.reports.directory}") Path reportsDirectory) {
		return new PositionEpilogue(reportAssembler, reportsDirectory);
	}

}
