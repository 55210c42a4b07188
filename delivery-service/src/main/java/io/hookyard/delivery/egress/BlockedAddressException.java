package io.hookyard.delivery.egress;

import java.io.IOException;

/** A connection reached an address destinations may not reach; nothing was sent on it. */
public class BlockedAddressException extends IOException {
  public BlockedAddressException(String message) {
    super(message);
  }
}
