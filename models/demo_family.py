"""Coherent families for the demo generator: who lives in a household, with ages and surnames.

A family is a list of ``Person`` (relation, sex, age, surname): a head, often a
spouse of the other sex and similar age, children 18–40 years younger than
both parents, sometimes a parent of the head, and in larger households a
married son with his wife and their children.  Names, ID numbers and the
other member fields are filled in by ``models.demo_people``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.demo_rand import Rand

SIZE_TABLE = (1,) * 6 + (2,) * 12 + (3,) * 20 + (4,) * 27 + (5,) * 20 + (6,) * 10 + (7,) * 5  # mean 3.93


@dataclass(slots=True)
class Person:
    """One member before the details (names, dates, health …) are drawn."""

    relation: str
    male: bool
    age: int
    surname: str


Surnames = Callable[[], str]


def compose(rand: Rand, surname: Surnames) -> list[Person]:
    """A random family of 1–7 people (mean about 4)."""
    size = rand.pick(SIZE_TABLE)
    if size == 1:
        return _single(rand, surname)
    if size == 2:
        x = rand.random()
        if x < 0.45:
            return _couple(rand, surname, rand.between(55, 80), 0, False)
        if x < 0.75:
            return _single_parent(rand, surname)
        return _couple(rand, surname, rand.between(23, 40), 0, False)
    if size >= 5 and rand.chance(0.4):
        return _three_generations(rand, surname, size)
    parent = size >= 4 and rand.chance(0.3)
    return _couple(rand, surname, rand.between(24, 55), size - 2 - parent, parent)


def _single(rand: Rand, surname: Surnames) -> list[Person]:
    age = rand.between(60, 88) if rand.chance(0.7) else rand.between(30, 59)
    return [Person("01", rand.chance(0.6), age, surname())]


def _single_parent(rand: Rand, surname: Surnames) -> list[Person]:
    head = Person("01", rand.chance(0.55), rand.between(32, 65), surname())
    father = head.surname if head.male or rand.chance(0.2) else surname()
    return [head, *_children(rand, [head.age], 1, father, ("03", "04"))]


def _couple(rand: Rand, surname: Surnames, age: int, kids: int, parent: bool) -> list[Person]:
    """Head and spouse of the other sex (husband 0–5 years older), their children, maybe a parent of the head."""
    husband, wife = age + rand.between(-2, 5), age
    male_head = rand.chance(0.92)
    head = Person("01", male_head, husband if male_head else wife, surname())
    spouse = Person("02", not male_head, wife if male_head else husband, surname())
    father = head.surname if male_head else spouse.surname
    people = [head, spouse, *_children(rand, [husband, wife], kids, father, ("03", "04"))]
    if parent:
        people.append(_parent_of(rand, head, surname) or _children(rand, [husband, wife], 1, father, ("03", "04"))[0])
    return people


def _parent_of(rand: Rand, head: Person, surname: Surnames) -> Person | None:
    """The head's father (same surname) or, more often, widowed mother; None if too old to be alive."""
    age = head.age + rand.between(20, 35)
    if age > 95:
        return None
    if rand.chance(0.4):
        return Person("11", True, age, head.surname)
    return Person("12", False, age, surname())


def _three_generations(rand: Rand, surname: Surnames, size: int) -> list[Person]:
    """Head and wife (50–72), a married son with his wife, their children, maybe an unmarried child."""
    husband = rand.between(50, 72)
    wife = husband - rand.between(-1, 5)
    head = Person("01", True, husband, surname())
    younger, diff = min(husband, wife), abs(husband - wife)
    son_age = younger - rand.between(20, min(40 - diff, younger - 20))
    son = Person("03", True, son_age, head.surname)
    daughter_in_law = Person("05", False, max(20, son_age + rand.between(-4, 2)), surname())
    people = [head, Person("02", False, wife, surname()), son, daughter_in_law]
    grandchildren = size - 4
    if grandchildren >= 2 and rand.chance(0.3):
        people += _children(rand, [husband, wife], 1, head.surname, ("03", "04"))
        grandchildren -= 1
    people += _children(rand, [son.age, daughter_in_law.age], grandchildren, head.surname, ("07", "08"))
    return people


def _children(rand: Rand, parents: list[int], count: int, surname: str, relations: tuple[str, str]) -> list[Person]:
    """``count`` children 18–40 years younger than every parent (parents at least 18)."""
    younger, diff = min(parents), max(parents) - min(parents)
    top = min(40 - diff, younger)
    kids = []
    for _ in range(count):
        male = rand.chance(0.52)
        kids.append(Person(relations[0] if male else relations[1], male, younger - rand.between(18, top), surname))
    kids.sort(key=lambda p: -p.age)
    return kids
