package dev.seatkeeper.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/** Testcontainers MySQL 8, used only when no server URL is given and a Docker engine answers. */
final class Containers {

	private static MySQLContainer mysql;

	private Containers() {
	}

	static synchronized TestDatabase.ServerLocation startMySqlIfDockerAvailable() {
		if (mysql == null) {
			if (!dockerAvailable()) {
				return null;
			}
			mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
			mysql.start();
		}
		return TestDatabase.ServerLocation.parse(mysql.getJdbcUrl(), "root", "test");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
