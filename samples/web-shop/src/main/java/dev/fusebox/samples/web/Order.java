package dev.fusebox.samples.web;

/**
 * A checkout's answer.
 *
 * @param stock the stock level seen (possibly the fallback's)
 * @param receipt the payment's receipt
 * @param recommendations what else to show (possibly the fallback's empty list)
 */
public record Order(StockLevel stock, Receipt receipt, Recommendations recommendations) {
}
