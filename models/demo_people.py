"""Member rows for the demo generator: names, ID numbers and fields consistent with age and health.

Education and school enrolment follow the age (a 12-year-old is in 七年级);
labour ability follows age, schooling and health (under 16, 65 and over or
in school: 无劳动力); ID numbers are valid, unique in the run, and agree
with the birth date and sex.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.demo_family import Person
from models.demo_names import FEMALE_CHARS, MALE_CHARS, TIBETAN_FEMALE, TIBETAN_MALE, generation
from models.demo_rand import Rand, iso, year_of

WORK_TABLE = ("01",) * 10 + ("02",) * 15 + ("03",) * 35 + ("04",) * 40
ADULT_EDUCATION = (  # by age band: 60+, 40-59, 19-39
    ("01",) * 50 + ("02",) * 40 + ("03",) * 10,
    ("01",) * 15 + ("02",) * 40 + ("03",) * 40 + ("04",) * 5,
    ("01",) * 3 + ("02",) * 20 + ("03",) * 55 + ("04",) * 15 + ("05",) * 7,
)
ILLNESS = (  # (chronic, serious, disabled) probabilities for ages <16, 16-44, 45-64, 65+
    (0.02, 0.01, 0.01), (0.07, 0.03, 0.04), (0.16, 0.05, 0.06), (0.32, 0.07, 0.10),
)
SENIOR_SCHOOL = ("07", "10")  # 高中一年级, 中职一年级
CHILD_RELATIONS = frozenset({"03", "04", "07", "08"})  # siblings may share a generation character
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # GB 11643 MOD 11-2, as models.idcard
ID_CHECK_CHARS = "10X98765432"


def _weighted(digits: str, start: int) -> int:
    """The MOD 11-2 weighted sum of ``digits`` standing at position ``start`` of an ID number."""
    return sum(int(c) * w for c, w in zip(digits, ID_WEIGHTS[start:start + len(digits)], strict=True))


_YEARS = {f"{y:04d}": _weighted(f"{y:04d}", 6) for y in range(1850, 2100)}
_MONTHS = {f"{m:02d}": _weighted(f"{m:02d}", 10) for m in range(1, 13)}
_DAYS = {f"{d:02d}": _weighted(f"{d:02d}", 12) for d in range(1, 32)}
_SEQUENCES = tuple((f"{s:03d}", _weighted(f"{s:03d}", 14)) for s in range(1000))


@dataclass(slots=True)
class Member:
    """A member row with the facts later stages need (birth and departure as date ordinals)."""

    row: dict[str, Any]
    birth: int
    age: int
    born: int  # birth year
    left: int | None = None
    left_year: int = 9999


class PeopleMaker:
    """Draws members' names, ID numbers and coded fields."""

    def __init__(self, rand: Rand, county6: str) -> None:
        self.rand = rand
        self.county6 = county6
        self._used: set[int] = set()
        self._county_sum = _weighted(county6, 0)

    def members(self, household_id: str, family: list[Person], ethnicity: str) -> list[Member]:
        """The member rows of one household, head first."""
        rand = self.rand
        shared: dict[tuple[str, bool], str] = {}
        generation_names = rand.chance(0.4)
        result = []
        for sort, person in enumerate(family):
            birth = rand.birth(person.age)
            year = rand.current_year - person.age
            if ethnicity == "04":
                name = self._tibetan(person.male)
            else:
                sibling = generation_names and person.relation in CHILD_RELATIONS
                key = (person.relation, person.male) if sibling else None
                name = person.surname + self._given(person.male, year, shared, key)
            row = {
                "id": rand.new_id(), "household_id": household_id, "name": name,
                "sex": "1" if person.male else "2", "id_type": "01",
                "id_number": self._id_number(birth, person.male), "birth_date": iso(birth),
                "relation": person.relation, "ethnicity": ethnicity if rand.chance(0.97) else "01",
                "in_household": 1, "sort": sort,
            }
            self._details(row, person)
            result.append(Member(row, birth, person.age, year_of(birth)))
        return result

    def _given(self, male: bool, year: int, shared: dict, key: tuple[str, bool] | None) -> str:
        rand = self.rand
        chars = (MALE_CHARS if male else FEMALE_CHARS)[generation(year)]
        if key is not None:
            if key not in shared:
                shared[key] = rand.pick(chars)
            return shared[key] + rand.pick(chars)
        if rand.chance(0.25):
            return rand.pick(chars)
        return rand.pick(chars) + rand.pick(chars)

    def _tibetan(self, male: bool) -> str:
        names = TIBETAN_MALE if male else TIBETAN_FEMALE
        first = self.rand.pick(names)
        return first + self.rand.pick(names) if self.rand.chance(0.6) else first

    def _id_number(self, birth: int, male: bool) -> str:
        """A valid ID number of the county, unique in this run; odd sequence for men."""
        rand = self.rand
        while True:
            seq = 2 * rand.between(0, 499) + 1 if male else 2 * rand.between(1, 499)
            key = birth * 1000 + seq
            if key not in self._used:
                self._used.add(key)
                return self.id_text(birth, seq)

    def id_text(self, birth: int, seq: int) -> str:
        """``make_id_number(county6, birth date, seq)``, from weighted digit sums of each part."""
        day = iso(birth)
        year, month, date = day[:4], day[5:7], day[8:]
        digits, weighted = _SEQUENCES[seq]
        total = self._county_sum + _YEARS[year] + _MONTHS[month] + _DAYS[date] + weighted
        return self.county6 + year + month + date + digits + ID_CHECK_CHARS[total % 11]

    def _details(self, row: dict[str, Any], person: Person) -> None:
        """Education, school, health, labour, work, politics and insurance for the age."""
        rand, age = self.rand, person.age
        education, school = self._schooling(age)
        row["education"], row["school_status"] = education, school
        health, grade = self._health(age)
        row["health"] = health
        if grade:
            row["disability_grade"] = grade
        student = school != "01"
        labour = self._labour(age, student, health, grade)
        row["labour_skill"] = labour
        if labour in ("01", "02") and 18 <= age <= 59 and rand.chance(0.55):
            row["work_status"], row["work_months"] = rand.pick(WORK_TABLE), rand.between(3, 12)
        elif labour == "05" and 18 <= age <= 59 and rand.chance(0.15):
            row["work_status"], row["work_months"] = "01", rand.between(2, 6)
        row["political"] = self._political(age)
        row["is_soldier"] = 1 if person.male and 18 <= age <= 24 and not student and rand.chance(0.01) else 0
        insured = 1 if rand.chance(0.98) else 0
        row["medical_insurance"] = insured
        row["serious_illness_insurance"] = insured if rand.chance(0.99) else 0
        row["pension_insurance"] = 1 if age >= 16 and not student and rand.chance(0.92) else 0
        row["dibao"], row["tekun"] = 0, 0

    def _schooling(self, age: int) -> tuple[str, str]:
        """(education, school_status) for an age on the reference day."""
        rand = self.rand
        if age < 6:
            return "06", ("02" if age >= 3 and rand.chance(0.75) else "01")
        if age <= 11:
            return "02", "03"
        if age <= 14:
            return "03", ("04", "05", "06")[age - 12]
        if age <= 17:
            if age == 15 and rand.chance(0.4):
                return "03", "06"
            if age == 15 or rand.chance(0.8):
                return "04", f"{int(rand.pick(SENIOR_SCHOOL)) + age - 15:02d}"
            return "03", "01"
        if age <= 21 and rand.chance(0.25):
            return "05", ("13", "14", "15", "16")[age - 18]
        band = 0 if age >= 60 else (1 if age >= 40 else 2)
        return rand.pick(ADULT_EDUCATION[band]), "01"

    def _health(self, age: int) -> tuple[str, str | None]:
        """Comma-separated sorted health codes and the disability grade when disabled."""
        random = self.rand.random
        chronic, serious, disabled = ILLNESS[0 if age < 16 else 1 if age < 45 else 2 if age < 65 else 3]
        codes = []
        if random() < chronic:
            codes.append("02")
        if random() < serious:
            codes.append("03")
        if random() < disabled:
            codes.append("04")
            return ",".join(codes), str(self.rand.between(1, 4))
        return (",".join(codes) or "01"), None

    def _labour(self, age: int, student: bool, health: str, grade: str | None) -> str:
        """Labour ability: none for children, the old and students; reduced by illness and disability."""
        rand = self.rand
        if age < 16 or age >= 65 or student:
            return "04"
        if grade is not None:
            return "03" if grade in ("1", "2") or rand.chance(0.4) else "05"
        if "03" in health:
            return "03" if rand.chance(0.6) else "05"
        if "02" in health:
            return "05" if rand.chance(0.6) else "01"
        if age >= 60:
            return "05" if rand.chance(0.4) else "01"
        return "02" if rand.chance(0.15) else "01"

    def _political(self, age: int) -> str:
        rand = self.rand
        if age >= 25 and rand.chance(0.04):
            return "01"
        if 14 <= age <= 28 and rand.chance(0.2):
            return "03"
        return "13"
