"""The functions behind ``main.py bundle …`` (see ``exports.bundle_cli`` for the syntax).

Each takes the open database, the parsed arguments, the output stream and a
``passphrase(confirm=False)`` callable, and returns the exit status: 0 done,
1 when any bundle was refused.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from exports.bundle_cli import print_json
from exports.bundle_keys import (
    TOWNSHIP,
    VILLAGE,
    init_keys,
    key_file_bytes,
    read_key_file,
    replaced_township,
    require_identity,
    revoke,
    revoked_enrollment,
    unlock,
)
from exports.bundle_keys import (
    enroll as enroll_peer,
)
from exports.bundle_outcome import count_en
from exports.bundle_rekey import change_passphrase, explain_refusals, key_change, rekey
from models.db import Database

Ask = Callable[..., str]

_T = {
    "zh": {
        "created": "已创建本机同步密钥（{role}）。指纹：{fp}\n请妥善保管同步密码：忘记密码就不能再导入、导出数据包。",
        "show": "本机：{name}（{role}），设备编号 {site}\n指纹：{fp}",
        "revoked": "已吊销 {name}（{site}）：从现在起拒收它的数据包。",
        "key_written": "本机密钥文件已写到 {path}。指纹：{fp}（请对方核对）",
        "enrolled": "已登记 {name}（{role}，设备编号 {site}）。\n指纹：{fp}\n"
        "请与对方屏幕上显示的指纹逐字核对；不一致时请吊销。",
        "replaced": "原来登记的乡镇 {name}（{site}）已停用：以后的数据包只发给新登记的乡镇。",
        "reactivated": "已重新启用 {name}（原于 {when} 吊销）：从现在起又接收它的数据包。",
        "key_replaced": "已替换 {name} 的密钥：原指纹 {old}，新指纹 {new}。它用旧密钥签发的数据包以后都会被拒收。",
        "passphrase": "已更改同步密码。密钥和指纹没有变：{fp}，不需要重新登记。",
        "rekeyed": "已重新生成本机同步密钥（设备编号不变，数据不变）。\n原指纹：{old}\n新指纹：{new}\n"
        "下一步：bundle enroll --to U盘/本机.jdkey 写出新的密钥文件，{peer}"
        "用 bundle enroll 密钥文件 --replace-key 登记它，并与这里的新指纹逐字核对。之前写出、还没导入的数据包"
        "都要重新导出。",
        "rekey_peer_village": "乡镇",
        "rekey_peer_township": "每台村里的电脑",
        "exported": "已写入 {path}：{records} 条记录，{size} 字节，读回校验一致。可以安全拔出 U 盘。",
        "township": "乡镇",
        "village": "村",
    },
    "en": {
        "created": "Sync keys created ({role}). Fingerprint: {fp}\nKeep the passphrase safe: without it no bundle can "
        "be imported or exported.",
        "show": "This installation: {name} ({role}), device id {site}\nFingerprint: {fp}",
        "revoked": "Revoked {name} ({site}): its bundles are refused from now on.",
        "key_written": "Our key file was written to {path}. Fingerprint: {fp} (the peer checks it)",
        "enrolled": "Enrolled {name} ({role}, device id {site}).\nFingerprint: {fp}\nCompare it character by character "
        "with the one on the other screen; revoke it if they differ.",
        "replaced": "The township enrolled before, {name} ({site}), is no longer used: bundles go to the new one only.",
        "reactivated": "Re-enabled {name} (revoked on {when}): its bundles are accepted again from now on.",
        "key_replaced": "Replaced the keys of {name}: old fingerprint {old}, new fingerprint {new}. Bundles it signed "
        "with the old keys are refused from now on.",
        "passphrase": "The sync passphrase was changed. Keys and fingerprint are unchanged: {fp}; nothing to enroll.",
        "rekeyed": "New sync keys were made for this installation (same device id, same data).\nOld fingerprint: "
        "{old}\nNew fingerprint: {new}\nNext: write the new key file with bundle enroll --to STICK/this.jdkey; "
        "{peer} enrolls it with bundle enroll KEYFILE --replace-key and compares the new fingerprint with this one. "
        "Bundles written before and not yet imported must be exported again.",
        "rekey_peer_village": "the township",
        "rekey_peer_township": "every laptop",
        "exported": "Wrote {path}: {records_en}, {size} bytes, read back and verified. The stick can be removed "
        "safely.",
        "township": "township",
        "village": "village",
    },
}


def _t(args: argparse.Namespace, key: str) -> str:
    return _T["en" if args.lang == "en" else "zh"][key]


def keys_init(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Create this installation's key pair."""
    role = args.role or (TOWNSHIP if db.setting("role") == TOWNSHIP else VILLAGE)
    name = args.name or db.setting("device_name") or ("乡镇" if role == TOWNSHIP else "村工作队")
    who = init_keys(db, role, name, ask(confirm=True))
    out.write(_t(args, "created").format(role=_t(args, role), fp=who.fingerprint) + "\n")
    return 0


def keys_show(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Print this installation's identity and fingerprint."""
    who = require_identity(db)
    out.write(
        _t(args, "show").format(name=who.name, role=_t(args, who.role), site=who.site_id, fp=who.fingerprint) + "\n"
    )
    return 0


def keys_revoke(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Revoke an enrolled device."""
    peer = revoke(db, args.site)
    out.write(_t(args, "revoked").format(name=peer.name, site=peer.site_id) + "\n")
    return 0


def keys_passphrase(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Protect the same keys with a new passphrase (the current one is asked first)."""
    old = ask()
    who = change_passphrase(db, old, ask(new=True))
    out.write(_t(args, "passphrase").format(fp=who.fingerprint) + "\n")
    return 0


def keys_rekey(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Make new keys and a new passphrase for this site; the peers enroll the new key file."""
    old, new = rekey(db, ask(new=True))
    peer = _t(args, f"rekey_peer_{new.role}")
    out.write(_t(args, "rekeyed").format(old=old.fingerprint, new=new.fingerprint, peer=peer) + "\n")
    return 0


def enroll(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Without FILE write our key file (to --to); with FILE enroll the peer's key file (and write ours to --to)."""
    if args.file is not None:
        peer = read_key_file(args.file)
        replaced, revoked, changed = replaced_township(db, peer), revoked_enrollment(db, peer), key_change(db, peer)
        replace_key = getattr(args, "replace_key", False)
        peer = enroll_peer(db, peer, reactivate=getattr(args, "reactivate", False), replace_key=replace_key)
        if changed is not None:
            out.write(_t(args, "key_replaced").format(name=peer.name, old=changed.fingerprint, new=peer.fingerprint))
            out.write("\n")
        if replaced is not None:
            out.write(_t(args, "replaced").format(name=replaced.name, site=replaced.site_id) + "\n")
        if revoked is not None:
            out.write(_t(args, "reactivated").format(name=peer.name, when=(revoked.revoked or "")[:16]) + "\n")
        out.write(
            _t(args, "enrolled").format(
                name=peer.name, role=_t(args, peer.role), site=peer.site_id, fp=peer.fingerprint
            )
            + "\n"
        )
    if args.to is not None or args.file is None:
        keys = unlock(db, ask())
        target = args.to or Path(f"{db.site_id[:8]}.jdkey")
        from exports.bundle_io import safe_write

        safe_write(target, [key_file_bytes(keys)])
        out.write(_t(args, "key_written").format(path=target, fp=keys.identity.fingerprint) + "\n")
    return 0


def export(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Write the next bundle."""
    from exports.bundle_write import export_bundle

    result = export_bundle(db, unlock(db, ask()), args.to, args.peer)
    records = {"records": result.records, "records_en": count_en(result.records, "record")}
    out.write(_t(args, "exported").format(path=result.path, size=result.size, **records) + "\n")
    if result.kept:
        out.write(result.note(args.lang) + "\n")
    return 0


def import_files(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Import bundles; exit status 1 when any was refused."""
    from exports.bundle_read import import_bundles
    from exports.bundle_report import format_import

    keys = unlock(db, ask())
    reports = import_bundles(
        db, keys, list(args.files), dry_run=args.dry_run, accept_skew=args.accept_clock, backup=not args.no_backup
    )
    explain_refusals(db, keys, reports)  # an old key's bundle: "changed its keys on …, export again"
    if args.json:
        print_json(out, [r.to_dict() for r in reports])
    else:
        for report in reports:
            out.write("\n".join(format_import(report, args.lang)) + "\n\n")
    return 1 if any(r.status in ("refused", "held") for r in reports) else 0


def inspect(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Describe a bundle (header; with our key also its signed manifest) without importing it."""
    from exports.bundle_inspect import describe, format_description, is_sound

    info = describe(db, args.file, ask)
    if args.json:
        print_json(out, info)
    else:
        out.write("\n".join(format_description(info, args.lang)) + "\n")
    return 0 if is_sound(info) or not info["for_us"] else 1


def status(db: Database, args: argparse.Namespace, out: TextIO, ask: Ask) -> int:
    """Every enrolled device: last bundle, contiguous range, gaps, held records, clock skew, revocation."""
    from exports.bundle_report import format_status, peer_status

    if args.json:
        print_json(
            out,
            [
                {
                    "site": s.peer.site_id,
                    "name": s.peer.name,
                    "role": s.peer.role,
                    "fingerprint": s.peer.fingerprint,
                    "revoked": s.peer.revoked,
                    "last_import": s.last_import,
                    "skew_ms": s.skew_ms,
                    "contiguous": s.contiguous,
                    "missing": s.missing,
                    "held": s.held,
                    "acked_own": s.acked_own,
                }
                for s in peer_status(db)
            ],
        )
    else:
        out.write("\n".join(format_status(db, args.lang)) + "\n")
    return 0
