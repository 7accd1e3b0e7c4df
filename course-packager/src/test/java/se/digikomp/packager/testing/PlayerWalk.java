package se.digikomp.packager.testing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.ViewportSize;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * axe-core on every lesson of player pages, several pages at a time in one browser. A walk opens a player page, and for
 * each lesson in the pager's order: opens every glossary term, answers every question (right or wrong does not matter),
 * checks the answers, runs axe (WCAG 2.1 A/AA, serious and critical), and on the assessment submits and runs axe again;
 * then lays the lesson out at phone size (see {@link #phoneCheck}). After the last lesson it opens the glossary, when
 * the page has one, and checks it the same way.
 *
 * <p>Playwright allows one thread, so the walks are interleaved rather than threaded: each walk starts its axe run and
 * hands over to the next walk, and is only waited for when its turn comes again. Up to {@code parallel} pages, each in
 * its own browser context (a renderer process of its own), are checked at the same time.
 *
 * <p>The phone-size pass, and why it is not all of axe again: the player's stylesheet (player.css) changes only the
 * layout with the width. Its one width query, {@code min-width: 52rem}, puts the lesson list beside the text instead of
 * above it; no colour, size of text, visibility, order or ARIA depends on the width, and nothing is positioned over
 * anything else. So at 390 px what can differ is (1) whether the page itself still fits (WCAG 1.4.10 Reflow, measured on
 * every lesson) and (2) which code blocks and tables scroll sideways, which decides axe's scrollable-region-focusable
 * (run wherever something scrolls at phone size). {@code PlayerCssTest} keeps that premise true: it fails when the
 * stylesheet gains another media query.
 */
public final class PlayerWalk {
    /** A page to walk: a name for the report and its URL. */
    public record Target(String name, String url) {
    }

    /** What a walk found: the lesson titles it checked, in order, and every problem as "where: what". */
    public record Result(List<String> lessons, List<String> problems) {
    }

    private static final String VISIBLE = ".dk-lesson:not([hidden])";
    private static final int MAX_LESSONS = 40;

    private PlayerWalk() {
    }

    /** Walks every target, {@code parallel} at a time, and returns the results by target name, in target order. */
    public static Map<String, Result> run(Browser browser, List<Target> targets, int parallel) {
        Deque<Target> queue = new ArrayDeque<>(targets);
        List<Walk> active = new ArrayList<>();
        Map<String, Result> results = new LinkedHashMap<>();
        targets.forEach(t -> results.put(t.name(), null));
        while (!queue.isEmpty() || !active.isEmpty()) {
            while (active.size() < Math.max(1, parallel) && !queue.isEmpty()) {
                Walk walk = new Walk(queue.poll(), browser.newPage());
                walk.advance();
                active.add(walk);
            }
            for (Walk walk : List.copyOf(active)) {
                walk.collect();
                if (!walk.advance()) {
                    walk.page.context().close();
                    results.put(walk.target.name(), new Result(List.copyOf(walk.lessons), List.copyOf(walk.problems)));
                    active.remove(walk);
                }
            }
        }
        return results;
    }

    /** One page's walk, as steps that each end by starting an axe run (or by finishing). */
    private static final class Walk {
        enum Step { OPEN, LESSON, SUBMITTED, PHONE, GLOSSARY, GLOSSARY_PHONE, DONE }

        final Target target;
        final Page page;
        final List<String> lessons = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        Step step = Step.OPEN;
        final ViewportSize desktop;
        String running;
        boolean phone;
        String glossary;

        Walk(Target target, Page page) {
            this.target = target;
            this.page = page;
            this.desktop = page.viewportSize();
        }

        /** Records the result of the axe run in flight, if any (waiting for it), and restores the viewport. */
        void collect() {
            if (running != null) {
                for (String violation : Browser.awaitAxe(page)) {
                    problems.add(running + ": " + violation);
                }
                running = null;
            }
            if (phone) {
                page.setViewportSize(desktop.width, desktop.height);
                phone = false;
            }
        }

        /** Moves on until an axe run is started (true) or the walk is over (false). */
        boolean advance() {
            while (true) {
                switch (step) {
                    case OPEN -> {
                        page.navigate(target.url());
                        step = Step.LESSON;
                        if (startLesson()) {
                            return true;
                        }
                    }
                    case LESSON -> {
                        if (page.locator(".dk-submit").isVisible()) {
                            page.locator(".dk-submit").click();
                            step = Step.SUBMITTED;
                            start(where() + " after submitting", List.of());
                            return true;
                        }
                        step = Step.SUBMITTED;
                    }
                    case SUBMITTED -> {
                        step = Step.PHONE;
                        if (phoneCheck()) {
                            return true;
                        }
                    }
                    case PHONE -> {
                        if (page.locator(".dk-next").count() == 0 || page.locator(".dk-next").isDisabled()
                                || lessons.size() >= MAX_LESSONS) {
                            step = Step.GLOSSARY;
                            continue;
                        }
                        page.locator(".dk-next").click();
                        step = Step.LESSON;
                        if (startLesson()) {
                            return true;
                        }
                    }
                    case GLOSSARY -> {
                        step = Step.DONE;
                        var link = page.locator(".dk-nav a[data-lesson=glossary]");
                        if (link.count() > 0) {
                            link.click();
                            page.locator("#lesson-glossary:not([hidden]) h1").waitFor();
                            glossary = page.locator("#lesson-glossary h1").textContent().strip();
                            step = Step.GLOSSARY_PHONE;
                            start(where(), List.of());
                            return true;
                        }
                    }
                    case GLOSSARY_PHONE -> {
                        step = Step.DONE;
                        if (phoneCheck()) {
                            return true;
                        }
                    }
                    case DONE -> {
                        return false;
                    }
                    default -> throw new IllegalStateException(step.name());
                }
            }
        }

        /** Prepares the visible lesson and starts its axe run; false when there is no lesson to check. */
        private boolean startLesson() {
            page.locator("html[data-dk-ready]").waitFor();
            page.locator(VISIBLE + " h1").waitFor();
            lessons.add(page.locator(VISIBLE + " h1").textContent().strip());
            page.locator(VISIBLE + " .dk-term-button").all().forEach(b -> b.click());
            page.locator(VISIBLE + " .dk-options input:first-of-type:enabled").all().forEach(i -> i.check());
            page.locator(VISIBLE + " .dk-question input[type=text]:enabled").all().forEach(i -> i.fill("x"));
            for (var select : page.locator(VISIBLE + " .dk-question select:enabled").all()) {
                select.selectOption(new SelectOption().setIndex(1));
            }
            page.locator(VISIBLE + " .dk-check").all().forEach(b -> b.click());
            start(where(), List.of());
            return true;
        }

        /**
         * The lesson at phone size: a problem when the page is wider than the screen (WCAG 1.4.10 Reflow); where
         * something scrolls sideways, axe's scrollable-region-focusable (see the class comment for why that is all).
         * True when an axe run was started (the viewport is restored when it is collected).
         */
        private boolean phoneCheck() {
            page.setViewportSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
            phone = true;
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            String at = where() + " at " + Browser.PHONE_WIDTH + "x" + Browser.PHONE_HEIGHT;
            if (width > Browser.PHONE_WIDTH) {
                problems.add(at + ": reflow (WCAG 1.4.10): the page is " + width + " px wide");
            }
            if (Boolean.TRUE.equals(page.evaluate(Browser.SCROLLS_SIDEWAYS))) {
                start(at, List.of("scrollable-region-focusable"));
                return true;
            }
            page.setViewportSize(desktop.width, desktop.height);
            phone = false;
            return false;
        }

        private void start(String where, List<String> rules) {
            Browser.startAxe(page, rules);
            running = where;
        }

        private String where() {
            return target.name() + " \"" + (glossary != null ? glossary : lessons.get(lessons.size() - 1)) + "\"";
        }
    }
}
