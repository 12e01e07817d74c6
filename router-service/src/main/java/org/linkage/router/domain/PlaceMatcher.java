package org.linkage.router.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the district an address names. The longest name found in the address wins (a street is
 * more specific than a district alias); when the longest names found point at different districts
 * the answer is empty, because a wrong district sends the ticket to the wrong unit while an empty
 * one sends it to a dispatcher.
 */
public final class PlaceMatcher {
    /** A name that identifies a district: its own name, an alias, or one of its streets. */
    public record Place(String districtCode, String name) {
    }

    private final List<Place> places;

    public PlaceMatcher(List<Place> places) {
        this.places = places.stream().filter(p -> p.name() != null && !p.name().isBlank())
                .sorted(Comparator.comparingInt((Place p) -> p.name().length()).reversed()).toList();
    }

    public Optional<String> districtOf(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        List<Place> found = places.stream().filter(p -> address.contains(p.name())).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int longest = found.get(0).name().length();
        Set<String> districts = found.stream().filter(p -> p.name().length() == longest)
                .map(Place::districtCode).collect(Collectors.toSet());
        if (districts.size() != 1) {
            return Optional.empty();
        }
        String district = districts.iterator().next();
        // A shorter name of another district also in the text (e.g. "锦江" in "武侯区锦江路") is
        // a road name, not a contradiction, so only the longest names decide.
        return Optional.of(district);
    }
}
