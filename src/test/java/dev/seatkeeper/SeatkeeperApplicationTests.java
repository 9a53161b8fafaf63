package dev.seatkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class SeatkeeperApplicationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void contextStartsOnTheEmbeddedDatabase() {
		assertThat(this.context.getBean(javax.sql.DataSource.class)).isNotNull();
	}

}
