// A centred spinner while the app asks the core where things stand.
import { Center, Loader } from '@mantine/core';

export function FullPageLoader(): React.JSX.Element {
  return (
    <Center mih="100vh">
      <Loader aria-busy="true" />
    </Center>
  );
}
