package dev.seatkeeper.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.seatkeeper.profile.Profile;

/**
 * The validated profiles of the runs this process launches, by name, so steps (which only see the {@code profile}
 * job parameter) work with exactly the profile the launcher validated. Thread-safe.
 */
public class RunProfiles {

	private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

	public void register(Profile profile) {
		this.profiles.put(profile.name(), profile);
	}

	public Profile get(String name) {
		Profile profile = this.profiles.get(name);
		if (profile == null) {
			throw new IllegalStateException("Profile '" + name + "' was not validated by this process's launcher");
		}
		return profile;
	}

}
