package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A year's holidays and the weekend days worked instead (调休), which the router's working-time deadlines count. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HolidayCalendar(List<Day> holidays, List<Day> workdays) {

    /** @param date yyyy-MM-dd */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(String date, String name) {
    }

    /** The router's word on which years are loaded and which are missing (this year, and next from December). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(List<Integer> loadedYears, List<Integer> missingYears) {
    }
}
