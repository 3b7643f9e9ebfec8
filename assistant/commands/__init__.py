"""The `uitvoering` subcommands, one module per family; `assistant.cli.build_parser` lists them."""
