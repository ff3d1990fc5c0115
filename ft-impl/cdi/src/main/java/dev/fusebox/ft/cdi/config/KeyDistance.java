package dev.fusebox.ft.cdi.config;

import java.util.Arrays;

/**
 * How far apart two configuration names are, for suggesting the key that was meant: the
 * optimal-string-alignment distance (insertions, deletions, substitutions, and swaps of two
 * neighbouring characters, each costing 1), computed only within a band of {@link #MAX} around
 * the diagonal, so one comparison costs O(length), not O(length squared). Two names are "near"
 * when the distance is at most a third of the longer one's length, at least 1 and at most 3: one
 * typo in a short name ({@code pya}, {@code Retyr}), up to three in a long one ({@code maxRetry}
 * for {@code maxRetries}, a misspelt class name). Public so that every module suggests names the
 * same way (the health module's critical breakers). Stateless; thread-safe.
 */
public final class KeyDistance {

    /** The largest distance that is ever near; beyond it the exact value is not computed. */
    public static final int MAX = 3;
    /** Names longer than this are never compared (nothing valid is that long). */
    private static final int MAX_LENGTH = 1_000;
    private static final int FAR = MAX + 1;

    private KeyDistance() {
    }

    /** The most {@code written} may differ from {@code valid} to count as a typo of it. */
    public static int tolerance(String written, String valid) {
        return Math.max(1, Math.min(MAX, Math.max(written.length(), valid.length()) / 3));
    }

    /** Whether {@code written} is within {@link #tolerance} of {@code valid}. */
    public static boolean near(String written, String valid) {
        return between(written, valid) <= tolerance(written, valid);
    }

    /** The distance, or {@code MAX + 1} for anything farther than {@link #MAX}. */
    public static int between(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > MAX || la > MAX_LENGTH || lb > MAX_LENGTH) {
            return FAR;
        }
        // rows i-2, i-1 and i of the table, cells outside the band stay FAR
        int[] before = new int[lb + 1];
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = Math.min(j, FAR);
        }
        for (int i = 1; i <= la; i++) {
            Arrays.fill(current, FAR);
            current[0] = Math.min(i, FAR);
            int rowMin = current[0];
            for (int j = Math.max(1, i - MAX); j <= Math.min(lb, i + MAX); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int cell = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cell = Math.min(cell, before[j - 2] + 1);
                }
                current[j] = Math.min(cell, FAR);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= FAR) {
                return FAR;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[lb];
    }
}
