/**
 * Fusebox's fault-tolerance annotations beyond the MicroProfile specification: {@link
 * dev.fusebox.ft.api.RateLimit}, the backoffs ({@link dev.fusebox.ft.api.ExponentialBackoff},
 * {@link dev.fusebox.ft.api.FibonacciBackoff}, {@link dev.fusebox.ft.api.CustomBackoff}), retry on
 * result ({@link dev.fusebox.ft.api.RetryWhen}), before-retry hooks ({@link
 * dev.fusebox.ft.api.BeforeRetry}) and retry budgets ({@link dev.fusebox.ft.api.RetryBudget}).
 * They are read by Fusebox's CDI extension like the specification's annotations and overridden
 * through MicroProfile Config with the same three key forms. See docs/guards.md.
 */
package dev.fusebox.ft.api;
