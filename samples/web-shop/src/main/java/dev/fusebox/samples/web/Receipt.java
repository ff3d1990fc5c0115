package dev.fusebox.samples.web;

/**
 * What the payments service answers for a charge.
 *
 * @param order the order paid
 * @param cents the amount charged
 * @param id the payment service's receipt number
 */
public record Receipt(String order, long cents, String id) {
}
