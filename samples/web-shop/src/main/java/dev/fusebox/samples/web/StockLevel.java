package dev.fusebox.samples.web;

/**
 * What the inventory service answers, or the fallback's guess.
 *
 * @param article the article asked about
 * @param units how many are in stock
 * @param fallback whether this is the fallback's answer rather than the inventory's
 */
public record StockLevel(String article, int units, boolean fallback) {
}
