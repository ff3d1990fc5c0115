/**
 * JMH benchmarks of MicroProfile Fault Tolerance through real Weld SE interception. The sources
 * name no implementation: the module that compiles them decides, by its class path, whether
 * Fusebox or SmallRye Fault Tolerance is the portable extension under test, so both runs execute
 * the same beans and the same benchmark methods and their results line up by name.
 */
package dev.fusebox.ft.benchmarks;
