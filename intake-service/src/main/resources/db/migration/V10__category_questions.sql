-- Issue 13, part 4. The questions each category asks (分类必填项) as the router, their owner, last announced them
-- (CategoryQuestionsChanged on linkage.categories): intake keeps no list of its own, only what it was told.
create table announced_category_questions (
    category_code varchar(40)  primary key,
    version       int          not null,
    -- JSON array of {code, datatype, required, labelZh, labelEn, values}
    questions     text         not null,
    changed_at    timestamptz  not null
);

-- The caller's answers to them, keyed by question code (JSON object of strings), as referred to 12345.
alter table call add column attributes text;
