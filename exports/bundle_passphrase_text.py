"""What to tell someone whose sync passphrase does not open this installation's keys.

The way out depends on where the passphrase was typed: the command line names
the ``bundle keys`` commands, the window names the menu and the buttons, and
the change-passphrase step says it is the *current* passphrase that is wrong.
"""

from __future__ import annotations

CLI, GUI = "cli", "gui"
_SYNC_KEYS_ZH = "“同步 → 同步密钥与设备登记…”"
_SYNC_KEYS_EN = "Sync → Sync keys and device enrollment…"

# (where, while changing the passphrase) -> (zh, en)
_TEXTS: dict[tuple[str, bool], tuple[str, str]] = {
    (CLI, False): (
        "同步密码不对。忘记了密码：用 bundle keys rekey 重新生成本机密钥，再与对方重新交换密钥文件，数据不会丢。"
        "要换密码：bundle keys passphrase。",
        "Wrong sync passphrase. If it is forgotten, make new keys with 'bundle keys rekey' and exchange key files "
        "with the peer again; no data is lost. To change the passphrase: 'bundle keys passphrase'.",
    ),
    (CLI, True): (
        "原来的同步密码不对，密码没有更改。忘记了密码：用 bundle keys rekey 重新生成本机密钥，"
        "再与对方重新交换密钥文件，数据不会丢。",
        "The current sync passphrase is wrong; nothing was changed. If it is forgotten, make new keys with "
        "'bundle keys rekey' and exchange key files with the peer again; no data is lost.",
    ),
    (GUI, False): (
        f"同步密码不对。忘记了密码：在{_SYNC_KEYS_ZH}中点“重新生成密钥…”，再与对方重新交换密钥文件，数据不会丢。"
        "要换密码：在同一窗口中点“更改同步密码…”。",
        f"Wrong sync passphrase. If it is forgotten, click 'Make new keys…' under {_SYNC_KEYS_EN} and exchange key "
        "files with the peer again; no data is lost. To change the passphrase: 'Change sync passphrase…' in the "
        "same window.",
    ),
    (GUI, True): (
        "原来的同步密码不对。忘记了原来的密码：点“取消”，再点“重新生成密钥…”，然后与对方重新交换密钥文件，数据不会丢。",
        "The current sync passphrase is wrong. If it is forgotten: click Cancel, then 'Make new keys…', and exchange "
        "key files with the peer again; no data is lost.",
    ),
}


def wrong_passphrase_text(where: str = CLI, changing: bool = False) -> tuple[str, str]:
    """(zh, en) message for a wrong passphrase typed at ``where`` (CLI or GUI), ``changing`` it or not."""
    return _TEXTS[(GUI if where == GUI else CLI, changing)]
