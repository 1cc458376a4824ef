import SnapgateCLI

await Snapgate.main()
