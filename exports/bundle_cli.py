"""``main.py bundle …``: keys, enrollment, export, import, inspection and status of sync bundles.

    bundle keys init [--role township|village] [--name NAME]   create this installation's keys
    bundle keys show | keys revoke SITE                        fingerprint; revoke an enrolled laptop
    bundle keys passphrase [--new-passphrase-file FILE]        same keys, a new passphrase (the old one is needed)
    bundle keys rekey [--new-passphrase-file FILE]             new keys for this site (a forgotten passphrase)
    bundle enroll [FILE] [--to FILE] [--reactivate] [--replace-key]   write our key file / enroll a peer's
    bundle export --to FILE|FOLDER [--peer SITE]               write the next bundle
    bundle import FILE... [--dry-run] [--accept-clock]         import bundles (dry run: report only)
    bundle inspect FILE                                        what a bundle is, without importing it
    bundle status                                              every peer: ranges, gaps, skew, revoked

The passphrase protecting the private keys comes from ``--passphrase-file``,
else the ``JIANDANG_PASSPHRASE`` environment variable, else it is asked for;
a new one (``keys passphrase``, ``keys rekey``) from ``--new-passphrase-file``,
else ``JIANDANG_NEW_PASSPHRASE``, else it is asked for twice.
Only argparse is imported at start-up; cryptography loads when a command runs.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from models.db import Database

PASSPHRASE_ENV = "JIANDANG_PASSPHRASE"
NEW_PASSPHRASE_ENV = "JIANDANG_NEW_PASSPHRASE"
_HELP = {
    "bundle": ("U 盘同步数据包：密钥、登记、导出、导入", "USB sync bundles: keys, enrollment, export, import"),
    "passphrase_file": ("从文件读取同步密码（第一行）", "read the sync passphrase from this file (first line)"),
    "keys": ("本机的同步密钥", "this installation's sync keys"),
    "init": ("创建本机密钥（只做一次）", "create this installation's keys (once)"),
    "role": ("本机角色：乡镇或村（默认按设置）", "role: township or village (default from the settings)"),
    "name": ("设备名称（显示给对方，不要写人名）", "device name shown to the peer (no person names)"),
    "show": ("显示本机指纹", "show this installation's fingerprint"),
    "revoke": ("吊销一台已登记的设备", "revoke an enrolled device"),
    "site": ("设备编号（或前 8 位）", "device id (or its first 8 characters)"),
    "passphrase": (
        "更改同步密码（需要原密码；密钥和指纹不变）",
        "change the sync passphrase (the old one is needed; keys and fingerprint stay)",
    ),
    "rekey": (
        "重新生成本机密钥和同步密码（忘记密码或怀疑泄露；数据不变，对方要重新登记本机的密钥文件）",
        "make new keys and a new passphrase (forgotten or leaked; the data stays, the peer enrolls the new key file)",
    ),
    "new_passphrase_file": ("从文件读取新的同步密码（第一行）", "read the new sync passphrase from this file"),
    "replace_key": (
        "对方重新生成了密钥：核对新指纹后替换登记的旧密钥",
        "the peer made new keys: replace its enrolled keys (check the new fingerprint)",
    ),
    "enroll": (
        "不带文件：写出本机密钥文件；带文件：登记对方的密钥文件",
        "without FILE: write our key file; with FILE: enroll the peer's key file",
    ),
    "key_file": ("对方的密钥文件", "the peer's key file"),
    "to_key": ("把本机密钥文件写到这里", "write our key file here"),
    "reactivate": (
        "重新启用一台已吊销的设备（默认拒绝登记已吊销设备的密钥文件）",
        "re-enable a revoked device (its key file is refused without this)",
    ),
    "export": ("导出下一个数据包到 U 盘", "write the next bundle to the stick"),
    "to": ("数据包文件或文件夹", "bundle file or folder"),
    "peer": ("乡镇导出回执包时：给哪台电脑", "at the township: the laptop the return bundle is for"),
    "import": ("导入数据包（可多个）", "import bundles (one or more)"),
    "files": ("数据包文件", "bundle files"),
    "dry_run": ("只预览，不导入", "preview only, import nothing"),
    "accept_clock": ("确认导入时钟超前的数据包", "accept a bundle whose clock is far ahead"),
    "no_backup": ("导入前不备份", "no backup before importing"),
    "inspect": ("查看数据包（不导入）", "describe a bundle without importing it"),
    "status": ("各台设备的同步状态", "sync state of every device"),
    "json": ("输出 JSON", "print JSON"),
    "ask": ("同步密码：", "Sync passphrase: "),
    "again": ("再输入一次：", "Once more: "),
    "ask_new": ("新的同步密码：", "New sync passphrase: "),
    "no_new_pass": (
        "需要新的同步密码：用 --new-passphrase-file 或环境变量 JIANDANG_NEW_PASSPHRASE 提供。",
        "The new sync passphrase is needed: give it with --new-passphrase-file or JIANDANG_NEW_PASSPHRASE.",
    ),
    "mismatch": ("两次输入的密码不一样。", "The two passphrases differ."),
    "no_pass": (
        "需要同步密码：用 --passphrase-file 或环境变量 JIANDANG_PASSPHRASE 提供。",
        "The sync passphrase is needed: give it with --passphrase-file or JIANDANG_PASSPHRASE.",
    ),
}


def _h(lang: str, key: str) -> str:
    zh, en = _HELP[key]
    return en if lang == "en" else zh


def add_bundle_parser(commands: Any, lang: str) -> None:
    """Add ``bundle`` and its sub-commands to ``main.py``'s parser."""
    bundle = commands.add_parser("bundle", help=_h(lang, "bundle"))
    bundle.add_argument("--passphrase-file", type=Path, metavar="FILE", help=_h(lang, "passphrase_file"))
    actions = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    keys = actions.add_parser("keys", help=_h(lang, "keys"))
    key_actions = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    init = key_actions.add_parser("init", help=_h(lang, "init"))
    init.add_argument("--role", choices=("township", "village"), help=_h(lang, "role"))
    init.add_argument("--name", help=_h(lang, "name"))
    key_actions.add_parser("show", help=_h(lang, "show"))
    key_actions.add_parser("revoke", help=_h(lang, "revoke")).add_argument("site", help=_h(lang, "site"))
    for action in ("passphrase", "rekey"):
        key_actions.add_parser(action, help=_h(lang, action)).add_argument(
            "--new-passphrase-file", type=Path, metavar="FILE", help=_h(lang, "new_passphrase_file")
        )
    enroll = actions.add_parser("enroll", help=_h(lang, "enroll"))
    enroll.add_argument("file", nargs="?", type=Path, help=_h(lang, "key_file"))
    enroll.add_argument("--to", type=Path, metavar="FILE", help=_h(lang, "to_key"))
    enroll.add_argument("--reactivate", action="store_true", help=_h(lang, "reactivate"))
    enroll.add_argument("--replace-key", action="store_true", help=_h(lang, "replace_key"))
    export = actions.add_parser("export", help=_h(lang, "export"))
    export.add_argument("--to", type=Path, metavar="FILE", required=True, help=_h(lang, "to"))
    export.add_argument("--peer", metavar="SITE", help=_h(lang, "peer"))
    imports = actions.add_parser("import", help=_h(lang, "import"))
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE", help=_h(lang, "files"))
    imports.add_argument("--dry-run", action="store_true", help=_h(lang, "dry_run"))
    imports.add_argument("--accept-clock", action="store_true", help=_h(lang, "accept_clock"))
    imports.add_argument("--no-backup", action="store_true", help=_h(lang, "no_backup"))
    imports.add_argument("--json", action="store_true", help=_h(lang, "json"))
    inspect = actions.add_parser("inspect", help=_h(lang, "inspect"))
    inspect.add_argument("file", type=Path, metavar="FILE")
    inspect.add_argument("--json", action="store_true", help=_h(lang, "json"))
    actions.add_parser("status", help=_h(lang, "status")).add_argument(
        "--json", action="store_true", help=_h(lang, "json")
    )


def run_bundle(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``bundle`` action; returns the exit status (1 when an import was refused)."""
    from exports import bundle_commands as commands

    action = args.bundle_command if args.bundle_command != "keys" else f"keys_{args.keys_command}"
    function = getattr(commands, {"import": "import_files"}.get(action, action))
    return function(db, args, out, lambda confirm=False, new=False: _passphrase(args, confirm or new, new))


def _passphrase(args: argparse.Namespace, confirm: bool, new: bool = False) -> str:
    """The passphrase (``new``: the new one) from its file, else the environment, else asked for."""
    from models.errors import JiandangError

    path = getattr(args, "new_passphrase_file", None) if new else args.passphrase_file
    if path is not None:
        return path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    variable = NEW_PASSPHRASE_ENV if new else PASSPHRASE_ENV
    if os.environ.get(variable):
        return os.environ[variable]
    if not sys.stdin.isatty():
        raise JiandangError(*_HELP["no_new_pass" if new else "no_pass"])
    first = getpass.getpass(_h(args.lang, "ask_new" if new else "ask"))
    if confirm and getpass.getpass(_h(args.lang, "again")) != first:
        raise JiandangError(*_HELP["mismatch"])
    return first


def print_json(out: TextIO, value: object) -> None:
    """JSON output of a command."""
    out.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
