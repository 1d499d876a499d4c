from briefing.cli.app import run

run()
