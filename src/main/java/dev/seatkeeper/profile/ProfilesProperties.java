package dev.seatkeeper.profile;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where profiles live: {@code seatkeeper.profiles.dir}, i.e. {@code SEATKEEPER_PROFILES_DIR}; {@code --profiles-dir} wins. */
@ConfigurationProperties("seatkeeper.profiles")
public record ProfilesProperties(@DefaultValue("jobs/profiles") Path dir) {

}
