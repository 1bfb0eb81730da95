package io.conversations.application.port.out;

import java.util.function.Supplier;

/** The transaction boundary: everything {@code work} reads and writes commits together or not at all. */
public interface Transactions {

    /** Runs {@code work} in one transaction: commits when it returns, rolls back when it throws. */
    <T> T inTransaction(Supplier<T> work);
}
