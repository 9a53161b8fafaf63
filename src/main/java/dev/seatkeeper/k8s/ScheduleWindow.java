package dev.seatkeeper.k8s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The part of the night in which profiles start, as {@code HH:MM-HH:MM} (end exclusive; it may cross midnight).
 * Each profile's start minute comes from a hash of its name alone, so adding or removing an org never moves the
 * others, and many names spread evenly over the window.
 */
public record ScheduleWindow(int startMinute, int lengthMinutes) {

	private static final int DAY = 24 * 60;

	public static ScheduleWindow parse(String text) {
		String[] bounds = text.split("-", -1);
		if (bounds.length != 2) {
			throw new IllegalArgumentException("the schedule window must look like 01:00-04:00, got '" + text + "'");
		}
		int start = minuteOfDay(bounds[0], text);
		int end = minuteOfDay(bounds[1], text);
		int length = Math.floorMod(end - start, DAY);
		if (length == 0) {
			throw new IllegalArgumentException("the schedule window " + text + " is empty; give a start and a later end");
		}
		return new ScheduleWindow(start, length);
	}

	private static int minuteOfDay(String time, String window) {
		try {
			LocalTime parsed = LocalTime.parse(time.strip());
			return parsed.getHour() * 60 + parsed.getMinute();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("the schedule window must look like 01:00-04:00, got '" + window + "'");
		}
	}

	/** The minute of the day (0..1439) at which this profile starts. */
	int startMinuteOf(String profile) {
		return (this.startMinute + (int) Math.floorMod(hash(profile), (long) this.lengthMinutes)) % DAY;
	}

	/** A daily cron expression ({@code minute hour * * *}) for this profile. */
	String cronOf(String profile) {
		int minute = startMinuteOf(profile);
		return (minute % 60) + " " + (minute / 60) + " * * *";
	}

	private static long hash(String profile) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(profile.getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (digest[i] & 0xff);
			}
			return value;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
