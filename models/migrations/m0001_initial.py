"""0001: the first schema of the registry.

Syncable tables share three columns: ``_cl`` (causal length, odd = exists),
``_hlc`` and ``_site`` (the clock of the row's creation). Deleted rows leave
the table and are remembered in ``tombstones``; a column changed after
creation has its own clock in ``col_clocks``. ``change_log`` is the per-site,
hash-chained log of every local write and doubles as the audit trail.
"""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0001_initial"

SYNC_COLS = "_cl INTEGER NOT NULL DEFAULT 1, _hlc INTEGER NOT NULL, _site TEXT NOT NULL"

TABLES = f"""
CREATE TABLE regions (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,            -- 统计用区划代码, 12 digits
    name TEXT NOT NULL,
    level INTEGER NOT NULL,        -- region_level: 1 省 .. 5 村
    parent_code TEXT,
    valid_from INTEGER,            -- year the code/name took effect
    valid_to INTEGER,              -- year it stopped (merged, renamed)
    merged_into TEXT,
    {SYNC_COLS}
);
CREATE UNIQUE INDEX regions_code ON regions(code);
CREATE INDEX regions_parent ON regions(parent_code);

CREATE TABLE village_groups (      -- 村民小组 / 社 / 自然村
    id TEXT PRIMARY KEY,
    village_code TEXT NOT NULL REFERENCES regions(code),
    name TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0,
    {SYNC_COLS}
);
CREATE INDEX village_groups_village ON village_groups(village_code);

CREATE TABLE work_teams (          -- 驻村工作队
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    unit TEXT,
    leader_helper_id TEXT,
    start_date TEXT,
    end_date TEXT,
    note TEXT,
    {SYNC_COLS}
);

CREATE TABLE work_team_villages (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES work_teams(id),
    village_code TEXT NOT NULL REFERENCES regions(code),
    {SYNC_COLS}
);
CREATE INDEX work_team_villages_team ON work_team_villages(team_id);

CREATE TABLE village_profiles (    -- 贫困村信息 per year
    id TEXT PRIMARY KEY,
    village_code TEXT NOT NULL REFERENCES regions(code),
    year INTEGER NOT NULL,
    is_poor_village INTEGER,
    households INTEGER,
    population INTEGER,
    rural_population INTEGER,
    labour_force INTEGER,
    poor_households INTEGER,
    poor_population INTEGER,
    road_to_township INTEGER,      -- 通乡镇硬化路
    road_km_unhardened REAL,
    tap_water_households INTEGER,
    water_difficult_households INTEGER,
    power_households INTEGER,
    no_power_households INTEGER,
    has_clinic INTEGER,
    has_doctor INTEGER,
    has_broadband INTEGER,
    collective_income REAL,        -- 村集体经济收入, yuan
    work_team_id TEXT REFERENCES work_teams(id),
    note TEXT,
    {SYNC_COLS}
);
CREATE UNIQUE INDEX village_profiles_year ON village_profiles(village_code, year);

CREATE TABLE households (          -- 贫困户信息采集表
    id TEXT PRIMARY KEY,
    village_code TEXT NOT NULL REFERENCES regions(code),
    group_id TEXT REFERENCES village_groups(id),
    household_no TEXT,             -- 户编号 from the national platform
    phone TEXT,
    bank_name TEXT,
    bank_account TEXT,
    standard TEXT,                 -- identification_standard
    attribute TEXT,                -- household_attribute
    main_cause TEXT,               -- poverty_cause
    identified_year INTEGER,
    planned_exit_year INTEGER,
    exit_year INTEGER,
    is_military_family INTEGER,
    is_only_child INTEGER,
    is_two_daughters INTEGER,
    is_relocated INTEGER,
    relocation_mode TEXT,
    resettlement_mode TEXT,
    resettlement_place TEXT,
    relocation_keys_received INTEGER,
    land_area REAL,
    irrigated_area REAL,
    forest_area REAL,
    reforested_area REAL,
    orchard_area REAL,
    pasture_area REAL,
    water_area REAL,
    production_power INTEGER,
    living_power INTEGER,
    broadcast_tv INTEGER,
    road_distance_km REAL,
    road_type TEXT,
    housing_area REAL,
    housing_grade TEXT,
    water_difficult INTEGER,
    water_safe INTEGER,
    fuel_type TEXT,
    sanitary_toilet INTEGER,
    in_cooperative INTEGER,
    enterprise_led INTEGER,
    leader_led INTEGER,
    note TEXT,
    {SYNC_COLS}
);
CREATE INDEX households_village ON households(village_code, group_id);
CREATE INDEX households_no ON households(household_no);

CREATE TABLE members (             -- 家庭成员
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    name TEXT NOT NULL,
    sex TEXT,
    id_type TEXT,
    id_number TEXT,
    birth_date TEXT,
    relation TEXT,
    ethnicity TEXT,
    political TEXT,
    education TEXT,
    school_status TEXT,
    school_note TEXT,              -- reason when a school-age child is not in school
    health TEXT,                   -- health codes, comma separated, sorted
    disability_grade TEXT,
    labour_skill TEXT,
    work_status TEXT,
    work_months INTEGER,
    is_soldier INTEGER,
    medical_insurance INTEGER,
    serious_illness_insurance INTEGER,
    pension_insurance INTEGER,
    dibao INTEGER,
    tekun INTEGER,
    phone TEXT,
    in_household INTEGER NOT NULL DEFAULT 1,
    left_date TEXT,
    left_reason TEXT,              -- member_change code
    sort INTEGER NOT NULL DEFAULT 0,
    {SYNC_COLS}
);
CREATE INDEX members_household ON members(household_id);
CREATE INDEX members_id_number ON members(id_number);

CREATE TABLE other_causes (        -- 其他致贫原因
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    cause TEXT NOT NULL,
    {SYNC_COLS}
);
CREATE INDEX other_causes_household ON other_causes(household_id);

CREATE TABLE incomes (             -- one record per household and year
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    year INTEGER NOT NULL,
    wage REAL NOT NULL DEFAULT 0,
    business REAL NOT NULL DEFAULT 0,
    asset_dividend REAL NOT NULL DEFAULT 0,
    other_property REAL NOT NULL DEFAULT 0,
    family_planning REAL NOT NULL DEFAULT 0,
    dibao REAL NOT NULL DEFAULT 0,
    tekun REAL NOT NULL DEFAULT 0,
    pension REAL NOT NULL DEFAULT 0,
    eco_compensation REAL NOT NULL DEFAULT 0,
    other_transfer REAL NOT NULL DEFAULT 0,
    business_expense REAL NOT NULL DEFAULT 0,
    population INTEGER NOT NULL,   -- members living in the household that year
    {SYNC_COLS}
);
CREATE UNIQUE INDEX incomes_year ON incomes(household_id, year);

CREATE TABLE status_history (      -- yearly status
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    year INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    decided_date TEXT,
    {SYNC_COLS}
);
CREATE UNIQUE INDEX status_history_year ON status_history(household_id, year);

CREATE TABLE member_changes (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    member_id TEXT NOT NULL REFERENCES members(id),
    change TEXT NOT NULL,          -- member_change code
    change_date TEXT NOT NULL,
    note TEXT,
    {SYNC_COLS}
);
CREATE INDEX member_changes_household ON member_changes(household_id);

CREATE TABLE helpers (             -- 帮扶责任人
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sex TEXT,
    political TEXT,
    unit TEXT,
    affiliation TEXT,
    position TEXT,
    phone TEXT,
    team_id TEXT REFERENCES work_teams(id),
    note TEXT,
    {SYNC_COLS}
);

CREATE TABLE pairings (            -- helper <-> household, history kept
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    helper_id TEXT NOT NULL REFERENCES helpers(id),
    start_date TEXT NOT NULL,
    end_date TEXT,
    {SYNC_COLS}
);
CREATE INDEX pairings_household ON pairings(household_id);
CREATE INDEX pairings_helper ON pairings(helper_id);

CREATE TABLE measures (            -- 帮扶措施
    id TEXT PRIMARY KEY,
    household_id TEXT REFERENCES households(id),
    village_code TEXT NOT NULL REFERENCES regions(code),
    year INTEGER NOT NULL,
    category TEXT NOT NULL,        -- measure_category (五个一批)
    type TEXT NOT NULL,            -- measure_type
    content TEXT,
    unit TEXT,                     -- 帮扶单位
    helper_id TEXT REFERENCES helpers(id),
    fund_fiscal REAL NOT NULL DEFAULT 0,
    fund_sector REAL NOT NULL DEFAULT 0,
    fund_finance REAL NOT NULL DEFAULT 0,
    fund_social REAL NOT NULL DEFAULT 0,
    fund_self REAL NOT NULL DEFAULT 0,
    planned_start TEXT,
    planned_end TEXT,
    actual_start TEXT,
    actual_end TEXT,
    status TEXT NOT NULL,          -- measure_status
    result TEXT,
    confirmed INTEGER,             -- 户主签字确认
    {SYNC_COLS}
);
CREATE INDEX measures_household ON measures(household_id);
CREATE INDEX measures_village ON measures(village_code, year);

CREATE TABLE loans (               -- 扶贫小额信贷
    id TEXT PRIMARY KEY,
    measure_id TEXT NOT NULL REFERENCES measures(id),
    household_id TEXT NOT NULL REFERENCES households(id),
    borrower_id TEXT REFERENCES members(id),
    amount REAL NOT NULL,
    bank TEXT,
    loan_date TEXT,
    term_months INTEGER,
    due_date TEXT,
    interest_subsidy REAL NOT NULL DEFAULT 0,
    repayment_status TEXT,
    repaid_date TEXT,
    {SYNC_COLS}
);
CREATE INDEX loans_household ON loans(household_id);
CREATE UNIQUE INDEX loans_measure ON loans(measure_id);

CREATE TABLE workflow_events (     -- insert-only
    id TEXT PRIMARY KEY,
    household_id TEXT REFERENCES households(id),
    village_code TEXT,
    procedure TEXT NOT NULL,
    step TEXT NOT NULL,
    year INTEGER NOT NULL,
    event_date TEXT NOT NULL,
    outcome TEXT,
    actor TEXT,
    data TEXT,                     -- JSON: votes, minutes, batch id
    note TEXT,
    {SYNC_COLS}
);
CREATE INDEX workflow_events_household ON workflow_events(household_id, year);

CREATE TABLE poverty_lines (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    standard TEXT NOT NULL,        -- identification_standard
    amount REAL NOT NULL,
    {SYNC_COLS}
);
CREATE UNIQUE INDEX poverty_lines_year ON poverty_lines(year, standard);

CREATE TABLE code_values (         -- national code tables as data, township-owned
    id TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    label_en TEXT NOT NULL,
    sort INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    {SYNC_COLS}
);
CREATE UNIQUE INDEX code_values_code ON code_values(tbl, code);
"""

SYNC_META = """
CREATE TABLE settings (            -- local to this installation, never synced
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sync_state (          -- this site's identity and persisted clock
    id INTEGER PRIMARY KEY CHECK (id = 1),
    site_id TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);

CREATE TABLE change_log (          -- every write, hash-chained per site; also the audit trail
    site TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    user TEXT NOT NULL,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    scope TEXT NOT NULL,           -- household id for a household's parts, else pk
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    cl INTEGER NOT NULL,
    vals TEXT NOT NULL,            -- JSON {column: new value}
    old TEXT,                      -- JSON {column: old value}
    prev TEXT,                     -- JSON {column: [priority, hlc, site]} clocks overwritten
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (site, seq)
) WITHOUT ROWID;
CREATE INDEX change_log_scope ON change_log(scope, hlc);

CREATE TABLE col_clocks (          -- only for columns changed after the row's creation
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT NOT NULL,
    prio INTEGER NOT NULL DEFAULT 0,
    hlc INTEGER NOT NULL,
    site TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID;

CREATE TABLE tombstones (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    cl INTEGER NOT NULL,           -- even: deleted
    hlc INTEGER NOT NULL,
    site TEXT NOT NULL,
    PRIMARY KEY (tbl, pk)
) WITHOUT ROWID;

CREATE TABLE search_docs (         -- derived search index, rebuilt at will
    doc INTEGER PRIMARY KEY,
    household_id TEXT NOT NULL,
    member_id TEXT
);
CREATE UNIQUE INDEX search_docs_member ON search_docs(member_id);
CREATE INDEX search_docs_household ON search_docs(household_id);
CREATE VIRTUAL TABLE search_terms USING fts5(terms, tokenize = 'unicode61', prefix = '1 2 3');
CREATE VIRTUAL TABLE search_digits USING fts5(digits, tokenize = 'trigram');
"""


def migrate(db: Database) -> None:
    """Create every table of the first schema."""
    for statement in _statements(TABLES + SYNC_META):
        db.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a DDL script on semicolons that end a line."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    text = "\n".join(lines)
    return [s.strip() for s in text.split(";\n") if s.strip()]
