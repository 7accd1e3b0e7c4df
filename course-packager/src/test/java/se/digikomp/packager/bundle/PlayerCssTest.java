package se.digikomp.packager.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The premise of the accessibility tests' phone-size pass (testing.PlayerWalk): the player's stylesheet changes only
 * the layout with the width. When this fails, a media query was added or changed: decide whether axe must run in full
 * at that width too, and update PlayerWalk and this list.
 */
class PlayerCssTest {
    @Test
    void theOnlyWidthDependentRulePutsTheLessonListBesideTheText() {
        String css = new String(PlayerPages.resource("player.css"), StandardCharsets.UTF_8);
        List<String> media = new ArrayList<>();
        Matcher m = Pattern.compile("@media[^\\n]*").matcher(css);
        while (m.find()) {
            media.add(m.group());
        }
        assertEquals(List.of(
                "@media (min-width: 52rem) { .dk-layout { flex-direction: row; } .dk-nav { flex: 0 0 16rem; "
                        + "border-right: 1px solid var(--line); } }",
                "@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; transition: none "
                        + "!important; } }",
                "@media print { .dk-nav, .dk-pager, .dk-skip, button { display: none; } .dk-lesson[hidden] { display: "
                        + "block; } }"), media);
    }
}
