package dev.seatkeeper.sandbox.org;

import java.util.Arrays;

/** A growable primitive {@code long} array, so millions of login events never become boxed objects. */
final class LongArray {

	private long[] values = new long[1024];

	private int size;

	void add(long value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.values.length * 2);
		}
		this.values[this.size++] = value;
	}

	long[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}

}
