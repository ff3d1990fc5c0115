package dev.fusebox.samples.web;

/**
 * A charge the shop asks the payments service for.
 *
 * @param order the order to pay
 * @param cents the amount
 */
public record Charge(String order, long cents) {
}
