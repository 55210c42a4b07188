package io.hookyard.common.id;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Typed, prefixed, time-sortable ids such as {@code evt_01JD3N6Q8K2V7R4W9X0Y5Z6A7B}.
 *
 * <p>The part after the prefix is a ULID: 48 bits of milliseconds then 80 random bits, in Crockford
 * base32. Ids sort by creation time, so B-tree indexes stay append-mostly, and the prefix tells a
 * reader at once what kind of thing an id names. See docs/adr/0004-ids.md.
 */
public final class Ids {
  public static final String EVENT = "evt";
  public static final String SOURCE = "src";
  public static final String SECRET = "sec";
  public static final String SUBSCRIPTION = "sub";
  public static final String DESTINATION = "dst";
  public static final String DELIVERY = "dlv";
  public static final String ATTEMPT = "atm";
  public static final String REQUEST = "req";
  public static final String REPLAY = "rpl";
  public static final String CREDENTIAL = "crd";

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final int ULID_LENGTH = 26;

  private Ids() {}

  public static String newId(String prefix) {
    return newId(prefix, Clock.systemUTC());
  }

  public static String newId(String prefix, Clock clock) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return prefix + "_" + ulid(clock.millis(), random.nextLong(), random.nextInt(1 << 16));
  }

  /**
   * The smallest id with this prefix that could be made at {@code at}: every id made at that
   * millisecond or later sorts at or after it, every id made earlier sorts before it. Lets a query
   * bound a time range on the primary key instead of a time column's index.
   */
  public static String lowestAt(String prefix, Instant at) {
    return prefix + "_" + ulid(at.toEpochMilli(), 0, 0);
  }

  /**
   * The id with the same time-ordered part as {@code id} under another prefix: names a second thing
   * made at the same moment as the first, such as the request that brought in an event.
   */
  public static String retyped(String prefix, String id) {
    return prefix + id.substring(id.indexOf('_'));
  }

  /** True when {@code id} has the given prefix and a well-formed ULID after it. */
  public static boolean isValid(String prefix, String id) {
    if (id == null || !id.startsWith(prefix + "_")) {
      return false;
    }
    String body = id.substring(prefix.length() + 1);
    if (body.length() != ULID_LENGTH) {
      return false;
    }
    for (char c : body.toCharArray()) {
      if (indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  static String ulid(long millis, long randomHigh, int randomLow) {
    char[] out = new char[ULID_LENGTH];
    // 48-bit time in the first 10 characters (50 bits, the top two always zero).
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    // 80 random bits (64 + 16) in the last 16 characters.
    long low = randomLow & 0xFFFFL;
    for (int i = ULID_LENGTH - 1; i >= 10; i--) {
      out[i] = ALPHABET[(int) (low & 31)];
      low = (low >>> 5) | ((randomHigh & 31) << 11);
      randomHigh >>>= 5;
    }
    return new String(out);
  }

  private static int indexOf(char c) {
    for (int i = 0; i < ALPHABET.length; i++) {
      if (ALPHABET[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
