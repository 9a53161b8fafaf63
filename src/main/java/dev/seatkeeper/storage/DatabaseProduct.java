package dev.seatkeeper.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a connection reaches, for the few statements that differ between MySQL/MariaDB and H2. */
public final class DatabaseProduct {

	private DatabaseProduct() {
	}

	/** Whether the connection reaches MySQL or MariaDB (not H2 in its MySQL mode). */
	public static boolean isMySqlFamily(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		String name = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		return name.contains("mysql") || name.contains("mariadb");
	}

}
